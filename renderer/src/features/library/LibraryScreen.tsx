import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIBRARY_KINDS, type LibraryKind } from '../../navigation/Route';
import { useNavigation } from '../../navigation/NavigationProvider';
import { useUiLocale } from '../../components/useUiLocale';
import type { NoteDoc, SourceDoc } from '../../../../shared/schemas/libraryDocument';
import { LibraryBrowser, emptyBrowserState, type BrowserState } from './LibraryBrowser';
import { PieceEditor } from './PieceEditor';
import { NewNoteDialog } from './NewNoteDialog';
import { NewSourceDialog } from './NewSourceDialog';
import { NewPieceDialog } from './NewPieceDialog';
import type { EditableKind, PieceRecord } from '../../../../shared/api/apiContract';
import { descriptorOf } from '../../../../shared/descriptors/descriptors';

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
  newNote,
  newSource,
  newPiece,
}: {
  kind: LibraryKind;
  pieceId?: string;
  newNote?: NoteDoc;
  newSource?: SourceDoc;
  newPiece?: PieceRecord;
}) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const { navigate } = useNavigation();
  // Search and filters per kind survive opening a piece and coming back.
  const [states, setStates] = useState<Partial<Record<LibraryKind, BrowserState>>>({});
  const [creating, setCreating] = useState<EditableKind | null>(null);
  const [cameFrom, setCameFrom] = useState<string | undefined>(undefined);
  const newId = newPiece ? String((newPiece.record as Record<string, unknown>)[descriptorOf(newPiece.kind).idField]) : undefined;
  const editing = pieceId ?? newNote?.id ?? newSource?.id ?? newId;
  // Focus returns to the row of the piece just edited, not after a change of tab.
  useEffect(() => setCameFrom(undefined), [kind]);

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
      </nav>
      <div className="library-content">
        {editing ? (
          <PieceEditor
            key={editing}
            id={editing}
            initial={newNote ? { kind: 'note', record: newNote } : newSource ? { kind: 'source', record: newSource } : newPiece}
            onClose={() => {
              setCameFrom(editing);
              navigate({ screen: 'library', kind });
            }}
          />
        ) : (
          <LibraryBrowser
            key={kind}
            kind={kind}
            state={states[kind] ?? emptyBrowserState(locale)}
            onState={(next) => setStates((s) => ({ ...s, [kind]: next }))}
            onOpen={(id) => navigate({ screen: 'library', kind, pieceId: id })}
            onNewNote={() => setCreating('note')}
            onNewSource={() => setCreating('source')}
            onNewPiece={() => setCreating(KIND_OF[kind])}
            focusId={cameFrom}
          />
        )}
      </div>
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
