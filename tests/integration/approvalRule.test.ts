import { beforeEach, describe, expect, it } from 'vitest';
import { saveRecord } from '../../main/api/saveRecord';
import { hashSourceText } from '../../main/db/textHash';
import type { LibraryStore } from '../../main/services/LibraryStore';
import { importLibraryDocument } from '../../main/services/importLibrary';
import { saveTranslation } from '../../main/services/translation/saveTranslation';
import { exportXliff } from '../../main/services/xliff/exportXliff';
import { importXliff } from '../../main/services/xliff/importXliff';
import { readXliff } from '../../main/xliff/readXliff';
import type { PriorityDoc } from '../../shared/schemas/libraryDocument';
import { useStarterStores } from '../helpers/starterStores';

/*
 * Issue 9, point 7: editing an approved text in any editor makes it a draft until it is approved
 * again. One rule (shared/translation/approvalAfterEdit); one test per way a text is written.
 */
const open = useStarterStores('briefing-approval-');
const ana = { by: 'Ana Translator', at: '2026-01-01T10:00:00.000Z' };
const bea = { by: 'Bea Reviewer', at: '2026-02-01T10:00:00.000Z' };
const ID = 'prio-rps-1';

let store: LibraryStore;
const priority = (): PriorityDoc => structuredClone(store.readDocument(['priorities']).priorities.find((p) => p.id === ID)!);

beforeEach(async () => {
  store = await open(`lib-${Math.random().toString(36).slice(2)}`);
  const fr = priority().title.fr!.text;
  // The Spanish title approved by Ana in the translator's view.
  saveTranslation(store, { pieceId: ID, field: 'title', source: 'fr', target: 'es', text: 'Seguridad humana', status: 'approved', sourceHash: hashSourceText(fr) }, ana);
  expect(priority().title.es).toMatchObject({ status: 'approved', approvedBy: ana.by });
  expect(priority().title.fr?.status).toBe('approved');
});

describe('editing an approved text makes it a draft until approved again', () => {
  it('in the library editor (the renderer sends the old approved status back)', () => {
    const record = priority();
    record.title.es = { ...record.title.es!, text: 'Seguridad humana integral' };
    record.title.fr = { ...record.title.fr!, text: 'Sécurité humaine intégrale' };
    const saved = saveRecord(store, 'priorities', record, bea);
    for (const value of [saved.title.es, priority().title.es, priority().title.fr]) {
      expect(value?.status).toBe('draft');
      expect(value).not.toHaveProperty('approvedBy');
    }
    // The body nobody touched keeps its approval.
    expect(priority().body.fr?.status).toBe('approved');
    // Approving again, with the words unchanged, is a new approval by whoever does it.
    const again = priority();
    again.title.es = { ...again.title.es!, status: 'approved' };
    saveRecord(store, 'priorities', again, bea);
    expect(priority().title.es).toMatchObject({ status: 'approved', approvedBy: bea.by, text: 'Seguridad humana integral' });
  });

  it('in the translator’s view: saving changed words is a draft; Approve is a new approval', () => {
    const sourceHash = hashSourceText(priority().title.fr!.text);
    const edit = { pieceId: ID, field: 'title', source: 'fr' as const, target: 'es' as const, sourceHash };
    saveTranslation(store, { ...edit, text: 'Seguridad humana (rev.)', status: 'draft' }, bea);
    expect(priority().title.es).toEqual({ text: 'Seguridad humana (rev.)', status: 'draft', from: 'fr', sourceHash });
    saveTranslation(store, { ...edit, text: 'Seguridad humana (rev.)', status: 'approved' }, bea);
    expect(priority().title.es).toMatchObject({ status: 'approved', approvedBy: bea.by, approvedAt: bea.at });
  });

  it('in a library import, even when the file kept the old approval record', () => {
    const doc = store.readDocument();
    const title = doc.priorities.find((p) => p.id === ID)!.title;
    title.es = { ...title.es!, text: 'Seguridad humana importada' };
    expect(title.es.approvedAt).toBe(ana.at);
    importLibraryDocument(store, doc, 'edited.json', { dryRun: false });
    expect(priority().title.es).toMatchObject({ status: 'draft', text: 'Seguridad humana importada' });
    expect(priority().title.es).not.toHaveProperty('approvedBy');
  });

  it('in an XLIFF import marked final', () => {
    const { xml } = exportXliff(store, { source: 'fr', target: 'es', packId: null, ui: false, todoOnly: false });
    const at = xml.indexOf('<target>Seguridad humana</target>');
    expect(at).toBeGreaterThan(0);
    const segment = xml.lastIndexOf('<segment', at);
    const edited =
      xml.slice(0, segment) +
      xml.slice(segment, at).replace(/<segment[^>]*>/, '<segment state="final">') +
      '<target>Seguridad humana desde XLIFF</target>' +
      xml.slice(at + '<target>Seguridad humana</target>'.length);
    const report = importXliff(store, readXliff(edited), { dryRun: false, approver: bea });
    expect(report.applied.draft).toBeGreaterThanOrEqual(1);
    expect(priority().title.es).toMatchObject({ status: 'draft', text: 'Seguridad humana desde XLIFF' });
    expect(priority().title.es).not.toHaveProperty('approvedBy');
  });
});
