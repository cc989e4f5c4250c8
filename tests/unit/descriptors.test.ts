import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DESCRIPTORS, fieldLabelKey, translatableFields } from '../../shared/descriptors/descriptors';
import { referencesTo } from '../../shared/descriptors/references';
import type { FieldSpec } from '../../shared/descriptors/FieldSpec';
import { LOCALES } from '../../shared/domain/locales';
import type { PieceKind } from '../../shared/domain/pieceKinds';
import { TRANSLATABLE_KINDS } from '../../shared/api/translationTypes';
import { LIMITS, shortLocalized } from '../../shared/schemas/common';
import * as schemas from '../../shared/schemas/libraryDocument';
import { localizedFields } from '../../shared/schemas/localizedFields';
import { normalizeLibraryDocument } from '../../shared/schemas/normalizeLibraryDocument';
import { hashSourceText } from '../../main/db/textHash';
import { useStarterStores } from '../helpers/starterStores';

const ROOT = path.join(import.meta.dirname, '../..');
const open = useStarterStores('briefing-descriptors-');
const SCHEMAS: Partial<Record<PieceKind, { shape: Record<string, unknown> }>> = {
  source: schemas.sourceDocSchema,
  country: schemas.countryDocSchema,
  network: schemas.networkDocSchema,
  meeting: schemas.meetingDocSchema as unknown as { shape: Record<string, unknown> },
  priority: schemas.priorityDocSchema,
  instrument: schemas.instrumentDocSchema,
  note: schemas.noteDocSchema,
  pack: schemas.packDocSchema,
  section: schemas.sectionDocSchema,
};

function lookup(locale: string, key: string): unknown {
  const [ns, rest] = key.split(':') as [string, string];
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, `shared/locales/${locale}/${ns}.json`), 'utf8'));
  return rest.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), json);
}

describe('one descriptor per piece kind', () => {
  it.each(Object.keys(DESCRIPTORS) as PieceKind[])('%s: the exchange schema has exactly the descriptor’s fields, in order', (kind) => {
    expect(Object.keys(SCHEMAS[kind]!.shape)).toEqual(Object.keys(DESCRIPTORS[kind].fields));
  });

  it('names every field, kind and list column by a label in all three languages', () => {
    const missing: string[] = [];
    for (const d of Object.values(DESCRIPTORS)) {
      for (const key of [d.label, ...Object.values(d.fields).map((f) => f.label)]) {
        for (const locale of LOCALES) if (typeof lookup(locale, key) !== 'string') missing.push(`${locale} ${key}`);
      }
      for (const column of d.listColumns) expect(d.fields[column], `${d.kind}.${column}`).toBeDefined();
      expect(d.fields[d.titleField]?.type, `${d.kind} title`).toBe('localized');
    }
    expect(missing).toEqual([]);
  });

  it('gives the translator exactly the kinds that have texts', () => {
    expect([...TRANSLATABLE_KINDS].sort()).toEqual((Object.keys(DESCRIPTORS) as PieceKind[]).filter((k) => translatableFields(k).length > 0).sort());
  });

  it('finds what refers to a piece from the descriptors’ reference fields', async () => {
    const store = await open('refs');
    const doc = store.readDocument();
    const note = doc.notes.find((n) => n.priorities.length > 0)!;
    const priorityId = note.priorities[0]!;
    const refs = referencesTo(doc, 'priority', priorityId);
    expect(refs).toContainEqual(expect.objectContaining({ fromKind: 'note', fromId: note.id, field: 'priorities' }));
    const inPack = doc.packs.flatMap((p) => p.sections.flatMap((s) => s.items)).find((i) => i.kind === 'note')!;
    expect(referencesTo(doc, 'note', inPack.ref)).toContainEqual(expect.objectContaining({ fromKind: 'pack', toKind: 'note', field: 'items' }));
    expect(referencesTo(doc, 'meeting', 'no-such-meeting')).toEqual([]);
  });
});

describe('adding a field touches only the descriptor (and a migration for a non-text field)', () => {
  const extra: FieldSpec = { type: 'localized', length: 'short', schema: shortLocalized.nullable(), label: 'ui:fields.subtitle', required: false, max: LIMITS.shortText };
  afterEach(() => {
    delete (DESCRIPTORS.note.fields as Record<string, FieldSpec>).lede;
  });

  it('a new text field of notes is stored, read back, normalized, translated, labelled and found by the units', async () => {
    const store = await open('extra-field');
    (DESCRIPTORS.note.fields as Record<string, FieldSpec>).lede = extra;
    const doc = store.readDocument(['notes']);
    const note = doc.notes[0]! as (typeof doc.notes)[number] & { lede?: unknown };
    note.lede = { fr: { text: 'Chapeau', status: 'draft' }, en: { text: 'Lede', status: 'draft', from: 'fr' } };
    const normalized = normalizeLibraryDocument(doc, hashSourceText);
    expect(Object.keys(normalized.notes[0]!)).toContain('lede');
    store.db.transaction(() => store.writeNote(normalized.notes[0]!, new Date().toISOString()))();
    const back = store.readDocument(['notes']).notes.find((n) => n.id === note.id) as unknown as { lede: { en: { text: string; from: string } } };
    expect(back.lede.en).toMatchObject({ text: 'Lede', from: 'fr' });
    expect([...localizedFields(store.readDocument(['notes']))].some((f) => f.pieceId === note.id && f.field === 'lede')).toBe(true);
    expect(translatableFields('note').map((f) => f.name)).toContain('lede');
    expect(fieldLabelKey('lede')).toBe('ui:fields.subtitle');
  });
});
