import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIBRARY_KINDS, type LibraryKind } from '../../navigation/Route';
import { useNavigation } from '../../navigation/NavigationProvider';
import { useUiLocale } from '../../components/useUiLocale';
import type { NoteDoc, SourceDoc } from '../../../../shared/schemas/libraryDocument';
import { LibraryBrowser, emptyBrowserState, type BrowserState } from './LibraryBrowser';
import { LazyPieceEditor } from './LazyPieceEditor';
import { NewNoteDialog } from './NewNoteDialog';
import { NewSourceDialog } from './NewSourceDialog';
import { DeletedNotice } from '../trash/DeletedNotice';
import { DeleteDialog, LibraryFileDialog, NewPieceDialog, TrashDialog } from '../trash/lazyDialogs';
import { useLibraryRevision } from '../trash/libraryRevision';
import type { DeleteResult } from '../../../../shared/api/deleteTypes';
import { LazyReader } from '../reader/LazyReader';
import { libraryTabOf } from '../reader/libraryTabOf';
import type { EditableKind, PieceRecord } from '../../../../shared/api/apiContract';
import { recordKey } from '../../../../shared/domain/recordKey';

/** The kind each tab lists. */
const KIND_OF: Record<LibraryKind, EditableKind> = {
  priorities: 'priority',
  instruments: 'instrument',
  countries: 'country',
  notes: 'note',
  meetings: 'meeting',
  networks: 'network',
  sources: 'source',
};

/** The library: a kind per tab in the sidebar, its list, and the editor for one piece. */
export function LibraryScreen({
  kind,
  pieceId,
  readId,
  query,
  newNote,
  newSource,
  newPiece,
}: {
  kind: LibraryKind;
  pieceId?: string;
  readId?: string;
  query?: string;
  newNote?: NoteDoc;
  newSource?: SourceDoc;
  newPiece?: PieceRecord;
}) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const { navigate, setDirty } = useNavigation();
  const [deleting, setDeleting] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<DeleteResult | null>(null);
  const [trashOpen, setTrashOpen] = useState(false);
  const [fileOpen, setFileOpen] = useState<'import' | 'export' | null>(null);
  const revision = useLibraryRevision();
  // Search and filters per kind survive opening a piece and coming back.
  const [states, setStates] = useState<Partial<Record<LibraryKind, BrowserState>>>({});
  const [creating, setCreating] = useState<EditableKind | null>(null);
  const [cameFrom, setCameFrom] = useState<string | undefined>(undefined);
  const newId = newPiece ? recordKey(newPiece.record) : undefined;
  const editing = pieceId ?? newNote?.id ?? newSource?.id ?? newId;
  // Focus returns to the row of the piece just edited, not after a change of tab.
  useEffect(() => setCameFrom(undefined), [kind]);
  // "Show all" from the header's search: the kind's own search box takes the query.
  useEffect(() => {
    if (query !== undefined) setStates((s) => ({ ...s, [kind]: { ...(s[kind] ?? emptyBrowserState(locale)), query } }));
  }, [query, kind, locale]);

  return (
    <div className="library">
      <nav className="sidebar" aria-label={t('ui:library.kindsLabel')}>
        <ul>
          {LIBRARY_KINDS.map((k) => (
            <li key={k}>
              <button
                type="button"
                className="sidebar-tab"
                data-testid={`kind-${k}`}
                aria-current={k === kind ? 'page' : undefined}
                onClick={() => navigate({ screen: 'library', kind: k })}
              >
                {t(`ui:kinds.${k}`)}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="sidebar-tab sidebar-trash" data-testid="open-trash" onClick={() => setTrashOpen(true)}>
          {t('ui:trash.open')}
        </button>
        <button type="button" className="sidebar-tab" data-testid="open-library-file" onClick={() => setFileOpen('import')}>
          {t('ui:libraryFile.open')}
        </button>
      </nav>
      <div className="library-content">
        {deleted ? (
          <DeletedNotice
            deleted={deleted}
            onDismiss={() => setDeleted(null)}
            onRestored={(restored) => {
              setDeleted(null);
              navigate({ screen: 'library', kind, pieceId: restored.piece.id });
            }}
          />
        ) : null}
        {readId && !editing ? (
          <LazyReader
            key={readId}
            id={readId}
            onBack={() => {
              setCameFrom(readId);
              navigate({ screen: 'library', kind });
            }}
            onEdit={(piece) => navigate({ screen: 'library', kind: libraryTabOf(piece.kind, kind), pieceId: piece.id })}
            onOpen={(link) =>
              navigate(link.kind === 'pack' ? { screen: 'packs', packId: link.id } : { screen: 'library', kind: libraryTabOf(link.kind, kind), readId: link.id })
            }
          />
        ) : editing ? (
          <LazyPieceEditor
            key={editing}
            id={editing}
            initial={newNote ? { kind: 'note', record: newNote } : newSource ? { kind: 'source', record: newSource } : newPiece}
            onClose={() => {
              setCameFrom(editing);
              navigate({ screen: 'library', kind });
            }}
            actions={
              pieceId ? (
                <button type="button" className="button-danger-outline" data-testid="delete-piece" onClick={() => setDeleting(pieceId)}>
                  {t('ui:actions.delete')}
                </button>
              ) : null
            }
          />
        ) : (
          <LibraryBrowser
            key={`${kind}:${revision}`}
            kind={kind}
            state={states[kind] ?? emptyBrowserState(locale)}
            onState={(next) => setStates((s) => ({ ...s, [kind]: next }))}
            onOpen={(id) => navigate({ screen: 'library', kind, readId: id })}
            onNewNote={() => setCreating('note')}
            onNewSource={() => setCreating('source')}
            onImport={() => setFileOpen('import')}
            onNewPiece={() => setCreating(KIND_OF[kind])}
            focusId={cameFrom}
          />
        )}
      </div>
      {deleting ? (
        <DeleteDialog
          id={deleting}
          onCancel={() => setDeleting(null)}
          onDeleted={(result) => {
            setDeleting(null);
            setDeleted(result);
            // The deleted piece's unsaved edits have nowhere to go: leaving must not ask about them.
            setDirty(`piece:${result.piece.id}`, false);
            navigate({ screen: 'library', kind });
          }}
        />
      ) : null}
      {fileOpen ? <LibraryFileDialog start={fileOpen} onClose={() => setFileOpen(null)} /> : null}
      {trashOpen ? (
        <TrashDialog onClose={() => setTrashOpen(false)} onRestored={() => setDeleted(null)} />
      ) : null}
      {creating === 'note' ? (
        <NewNoteDialog
          onCancel={() => setCreating(null)}
          onCreate={(note) => {
            setCreating(null);
            navigate({ screen: 'library', kind: 'notes', newNote: note });
          }}
        />
      ) : null}
      {creating && creating !== 'note' && creating !== 'source' ? (
        <NewPieceDialog
          kind={creating}
          onCancel={() => setCreating(null)}
          onCreate={(piece) => {
            setCreating(null);
            navigate({ screen: 'library', kind, newPiece: piece });
          }}
        />
      ) : null}
      {creating === 'source' ? (
        <NewSourceDialog
          onCancel={() => setCreating(null)}
          onCreate={(source) => {
            setCreating(null);
            navigate({ screen: 'library', kind: 'sources', newSource: source });
          }}
        />
      ) : null}
    </div>
  );
}
