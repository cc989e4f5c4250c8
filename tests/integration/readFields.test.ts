import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type OpenedLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { loadStarterLibrary } from '../../main/services/loadStarterLibrary';
import { applyLibraryDocument } from '../../main/services/importLibrary';
import { readPiece } from '../../main/services/readPiece';
import { READABLE_KINDS } from '../../shared/api/readTypes';
import { translatableFields } from '../../shared/descriptors/descriptors';

/** The reading view's texts are its kind's descriptor's (a field added there shows here). */
let dir: string;
let library: OpenedLibrary;
let store: LibraryStore;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-read-fields-'));
  library = await openLibrary(path.join(dir, 'lib.sqlite'), { create: true });
  store = new LibraryStore(library.db);
  loadStarterLibrary(store);
});

afterAll(() => {
  library.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('reading view fields', () => {
  it('are, for every readable kind, its descriptor’s texts in their order, Markdown for the long ones', () => {
    const doc = store.readDocument();
    for (const kind of READABLE_KINDS) {
      const descriptor = translatableFields(kind);
      const collection = { priority: doc.priorities, instrument: doc.instruments, country: doc.countries, network: doc.networks, meeting: doc.meetings, note: doc.notes, source: doc.sources }[kind];
      const record = collection[0] as unknown as { id?: string; code?: string };
      const read = readPiece(store, record.id ?? record.code!, 'en');
      const names = read.fields.map((f) => f.name);
      expect(names, kind).toEqual(descriptor.map((f) => f.name).filter((n) => names.includes(n)));
      for (const f of read.fields) expect(f.markdown, `${kind}.${f.name}`).toBe(descriptor.find((d) => d.name === f.name)!.length === 'long');
    }
  });

  it('show a network’s name as it follows “of”, which the reading view used to leave out', () => {
    const doc = store.readDocument();
    const network = { ...doc.networks[0]!, ofName: { en: { text: 'Parliamentary Network on Security', status: 'approved' as const } } };
    applyLibraryDocument(store, { ...doc, networks: [network, ...doc.networks.slice(1)] });
    const read = readPiece(store, network.id, 'en');
    expect(read.fields.map((f) => f.name)).toContain('ofName');
    expect(read.fields.find((f) => f.name === 'ofName')!.value.en?.text).toBe('Parliamentary Network on Security');
  });
});
