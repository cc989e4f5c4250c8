import { AFRelationship, PDFDocument, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { accessibilityFindings, isTagged, PDFUA_NAMESPACE } from './accessibilityFindings';
import { MANIFEST_FILE_NAME, type BuildManifest } from '../../shared/schemas/buildManifest';

/** The custom XMP namespace of the build's summary. */
export const XMP_NAMESPACE = 'https://briefing-pack-builder.local/ns/build/1.0/';

/**
 * Post-processing of an edition's bytes: the manifest as an embedded file (AFRelationship Data,
 * referenced from the catalog's /AF) and an XMP packet summarizing it. Every date is the
 * build's own, never the time of writing, so the same record gives the same bytes.
 */
export async function embedManifest(bytes: Uint8Array, manifest: BuildManifest, titles: { locale: string; title: string }[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const builtAt = new Date(manifest.build.builtAt);
  const json = `${JSON.stringify(manifest, null, 2)}\n`;
  await pdf.attach(new TextEncoder().encode(json), MANIFEST_FILE_NAME, {
    mimeType: 'application/json',
    description: 'Briefing Pack Builder build manifest',
    creationDate: builtAt,
    modificationDate: builtAt,
    afRelationship: AFRelationship.Data,
  });
  pdf.setCreationDate(builtAt);
  pdf.setModificationDate(builtAt);
  const producer = pdf.getProducer() ?? 'Briefing Pack Builder';
  // Only a tagged edition claims PDF/UA, and only when it passes every other check the claim
  // stands for (one built untagged, for a benchmark, has no structure tree).
  if (isTagged(pdf)) for (const page of pdf.getPages()) if (!page.node.has(PDFName.of('Tabs'))) page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
  const pdfua = accessibilityFindings(pdf).every((f) => f.check === 'pdfua' || f.status !== 'fail');
  const xmp = xmpPacket(manifest, titles, producer, { pdfua });
  // pdfkit's own packet is replaced, not left behind unreferenced for a reader to find first.
  const previous = pdf.catalog.get(PDFName.of('Metadata'));
  if (previous instanceof PDFRef) pdf.context.delete(previous);
  // UTF-8 bytes: a string would be written one byte per character, breaking accents and the BOM.
  const stream = pdf.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(stream));
  // A document /ID from the content: the same build gives the same identifier.
  const id = PDFString.of(manifest.contentHash.slice(0, 32));
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id]);
  return pdf.save({ useObjectStreams: false, updateFieldAppearances: false });
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function xmpPacket(m: BuildManifest, titles: { locale: string; title: string }[], producer: string, { pdfua = false } = {}): string {
  const languages = [...new Set(m.editions.find((e) => e.edition === m.edition)!.languages.map((l) => l.locale))];
  const statuses = m.editions
    .flatMap((e) => e.languages.map((l) => `<rdf:li rdf:parseType="Resource"><bpb:edition>${e.edition}</bpb:edition><bpb:language>${l.locale}</bpb:language><bpb:status>${l.status}</bpb:status><bpb:pages>${e.pages}</bpb:pages></rdf:li>`))
    .join('');
  // x-default first (the file's own title), then each language's.
  const alt = [titles[0] ? { locale: 'x-default', title: titles[0].title } : null, ...titles]
    .filter((t) => t !== null)
    .map((t) => `<rdf:li xml:lang="${esc(t.locale)}">${esc(t.title)}</rdf:li>`)
    .join('');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:bpb="${XMP_NAMESPACE}">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt>${alt}</rdf:Alt></dc:title>
<dc:language><rdf:Bag>${languages.map((l) => `<rdf:li>${l}</rdf:li>`).join('')}</rdf:Bag></dc:language>
<xmp:CreateDate>${m.build.builtAt}</xmp:CreateDate>
<xmp:ModifyDate>${m.build.builtAt}</xmp:ModifyDate>
<xmp:MetadataDate>${m.build.builtAt}</xmp:MetadataDate>
<xmp:CreatorTool>Briefing Pack Builder ${esc(m.build.appVersion)}</xmp:CreatorTool>
<pdf:Producer>${esc(producer)}</pdf:Producer>
<bpb:packId>${esc(m.pack.id)}</bpb:packId>
<bpb:packSlug>${esc(m.pack.slug)}</bpb:packSlug>
<bpb:buildId>${m.build.id}</bpb:buildId>
<bpb:appVersion>${esc(m.build.appVersion)}</bpb:appVersion>
<bpb:edition>${m.edition}</bpb:edition>
<bpb:manifestHash>${m.contentHash}</bpb:manifestHash>
<bpb:translation><rdf:Bag>${statuses}</rdf:Bag></bpb:translation>
</rdf:Description>${pdfua ? `
<rdf:Description rdf:about="" xmlns:pdfuaid="${PDFUA_NAMESPACE}"><pdfuaid:part>1</pdfuaid:part></rdf:Description>` : ''}
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>`;
}
