import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdition } from '../../main/pdf/buildEdition';
import { parseLibraryDocument } from '../../main/services/parseLibraryDocument';
import { readLibraryFile } from '../../main/services/readLibraryFile';
import { STARTER_LIBRARY_PATH } from '../../main/services/loadStarterLibrary';
import { EMPTY_LOOKUP } from '../../shared/schemas/checkLibraryDocument';
import { loadPdf, type LoadedPdf } from '../helpers/pdf';

/**
 * The starter pack's instrument labels read back from the Spanish edition: the 1999 Terrorist
 * Financing Convention is a "Convenio" (masculine), the other conventions are "Convenciones".
 */

let es: LoadedPdf;

beforeAll(async () => {
  const doc = parseLibraryDocument(readLibraryFile(STARTER_LIBRARY_PATH), STARTER_LIBRARY_PATH, EMPTY_LOOKUP);
  const built = await buildEdition(doc, 'panama-2025', 'es', { paper: 'letter', watermark: null, builtAt: new Date('2025-11-20T12:00:00Z') });
  es = await loadPdf(new Uint8Array(built.bytes));
}, 120_000);

describe('the Spanish edition’s instrument labels', () => {
  it('calls the Convenio a Convenio, adopted in the masculine', () => {
    const text = es.text.replace(/\s+/g, ' ');
    expect(text).toContain('Convenio · adoptado en 1999');
    expect(text).not.toContain('Convención · adoptada en 1999');
    expect(text).toContain('Convención · adoptada en 2003 · Naciones Unidas');
    expect(text).toContain('Declaración · aprobada en 2025');
  });
});
