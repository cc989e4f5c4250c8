import fs from 'node:fs';
import path from 'node:path';
import { openLibrary } from '../../main/db/openLibrary';
import { LibraryStore } from '../../main/services/LibraryStore';
import { readTmx } from '../../main/memory/readTmx';
import { importTmx } from '../../main/services/memory/importTmx';
import { memoryIndexFor } from '../../main/services/memory/MemoryIndex';

type Emit = (record: Record<string, unknown>) => void;

/** A TMX file as a CAT tool writes one: header, region tags, some inline codes. */
function syntheticTmx(units: number): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<tmx version="1.4">', '<header creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en-US" srclang="fr-CA" datatype="plaintext"/>', '<body>'];
  for (let i = 0; i < units; i++) {
    out.push(
      `<tu tuid="${i}"><tuv xml:lang="fr-CA"><seg>La commission ${i} examine le rapport <bpt i="1">&lt;b&gt;</bpt>annuel<ept i="1">&lt;/b&gt;</ept> sur la lutte contre la corruption numéro ${i % 311}.</seg></tuv>` +
        `<tuv xml:lang="es-419"><seg>La comisión ${i} examina el informe <bpt i="1">&lt;b&gt;</bpt>anual<ept i="1">&lt;/b&gt;</ept> sobre la lucha contra la corrupción número ${i % 311}.</seg></tuv></tu>`,
    );
  }
  out.push('</body>', '</tmx>', '');
  return out.join('\n');
}

/**
 * TMX import of 10,000 units: reading and checking the file, then the one write that replaces
 * the file's earlier import (as a re-import does), then the first memory lookup that takes them
 * in. The reference is the memory-fuzzy bench's index over 10,000 pieces.
 */
export async function runTmxImportBench(emit: Emit, libraryFile: string, work: string, runs: number): Promise<void> {
  const xml = syntheticTmx(10_000);
  const file = path.join(work, 'tmx-import.sqlite');
  fs.copyFileSync(libraryFile, file);
  const library = await openLibrary(file, { create: false });
  try {
    const store = new LibraryStore(library.db);
    const read: number[] = [];
    const write: number[] = [];
    const index: number[] = [];
    let units = 0;
    for (let r = 0; r < runs; r++) {
      let start = performance.now();
      const parsed = readTmx(xml);
      read.push(performance.now() - start);
      start = performance.now();
      units = importTmx(store, 'bench.tmx', parsed, { dryRun: false }).units;
      write.push(performance.now() - start);
      start = performance.now();
      memoryIndexFor(store.db, 'fr', 'es');
      index.push(performance.now() - start);
    }
    const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! * 10) / 10;
    emit({ bench: 'tmx-import', units, file_mb: Math.round((Buffer.byteLength(xml) / 1024 / 1024) * 10) / 10, read_ms: median(read), write_ms: median(write), index_ms: median(index), reference: 'memory-fuzzy' });
  } finally {
    library.close();
  }
}
