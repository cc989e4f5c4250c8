import { execFileSync } from 'node:child_process';

/** One structure element as qpdf reads it from the file (not through pdf.js, not through pdf-lib). */
export interface StructElem {
  ref: string;
  role: string;
  lang?: string;
  id?: string;
  alt?: string;
  parent?: StructElem;
  kids: StructElem[];
  /** Marked-content references (MCIDs) among its kids. */
  mcids: number;
  /** The objects its object references (OBJR) point at: annotations. */
  objrs: string[];
}

type Value = unknown;
export type Objects = Record<string, Record<string, Value>>;

/** Every object of the file by reference ("12 0 R"): a stream's dictionary for a stream. */
export function qpdfObjects(file: string): Objects {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', file], { encoding: 'utf8', maxBuffer: 1 << 29 })) as {
    qpdf: [unknown, Record<string, { value?: Record<string, Value>; stream?: { dict: Record<string, Value> } }>];
  };
  const out: Objects = {};
  for (const [key, o] of Object.entries(json.qpdf[1])) out[key.replace(/^obj:/, '')] = o.value ?? o.stream?.dict ?? {};
  return out;
}

const text = (v: Value) => (typeof v === 'string' && /^[ub]:/.test(v) ? v.slice(2) : undefined);

/** The structure tree under /StructTreeRoot, read with a loop (a tree may nest deep). */
export function readStructTree(file: string): { root: StructElem | null; objects: Objects; elements: StructElem[] } {
  const objects = qpdfObjects(file);
  const trailer = objects.trailer as { '/Root': string };
  const catalog = objects[trailer['/Root']]!;
  const treeRoot = catalog['/StructTreeRoot'];
  if (typeof treeRoot !== 'string') return { root: null, objects, elements: [] };
  const elements: StructElem[] = [];
  const top: StructElem = { ref: treeRoot, role: 'StructTreeRoot', kids: [], mcids: 0, objrs: [] };
  const pending: { value: Value; parent: StructElem }[] = [{ value: objects[treeRoot]!['/K'], parent: top }];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const { value, parent } = pending.pop()!;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push({ value: value[i], parent });
      continue;
    }
    if (typeof value === 'number') {
      parent.mcids++;
      continue;
    }
    const ref = typeof value === 'string' && / R$/.test(value) ? value : null;
    if (ref && seen.has(ref)) continue;
    if (ref) seen.add(ref);
    const dict = (ref ? objects[ref] : value) as Record<string, Value> | undefined;
    if (!dict || typeof dict !== 'object') continue;
    if (dict['/Type'] === '/MCR') {
      parent.mcids++;
      continue;
    }
    if (dict['/Type'] === '/OBJR') {
      parent.objrs.push(String(dict['/Obj']));
      continue;
    }
    const role = typeof dict['/S'] === 'string' ? (dict['/S'] as string).slice(1) : '?';
    const element: StructElem = {
      ref: ref ?? '(direct)',
      role,
      parent,
      kids: [],
      mcids: 0,
      objrs: [],
      ...(text(dict['/Lang']) ? { lang: text(dict['/Lang']) } : {}),
      ...(text(dict['/ID']) ? { id: text(dict['/ID']) } : {}),
      ...(text(dict['/Alt']) ? { alt: text(dict['/Alt']) } : {}),
    };
    parent.kids.push(element);
    elements.push(element);
    pending.push({ value: dict['/K'], parent: element });
  }
  // Pushed in reverse, popped in order: kids and elements are in document order.
  return { root: top.kids[0] ?? null, objects, elements };
}

/** The element and everything under it, in order. */
export function descendants(element: StructElem): StructElem[] {
  const out: StructElem[] = [];
  const pending = [...element.kids].reverse();
  while (pending.length > 0) {
    const e = pending.pop()!;
    out.push(e);
    for (let i = e.kids.length - 1; i >= 0; i--) pending.push(e.kids[i]!);
  }
  return out;
}

/** The element's language: its own /Lang, else its nearest ancestor's. */
export function languageOf(element: StructElem): string | undefined {
  for (let e: StructElem | undefined = element; e; e = e.parent) if (e.lang) return e.lang;
  return undefined;
}
