import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIBRARY_KINDS, type LibraryKind } from '../../navigation/Route';
import { useNavigation } from '../../navigation/NavigationProvider';
import { useUiLocale } from '../../components/useUiLocale';
import type { NoteDoc } from '../../../../shared/schemas/libraryDocument';
import { LibraryBrowser, emptyBrowserState, type BrowserState } from './LibraryBrowser';
import { PieceEditor } from './PieceEditor';
import { NewNoteDialog } from './NewNoteDialog';

/** The library: a kind per tab in the sidebar, its list, and the editor for one piece. */
export function LibraryScreen({ kind, pieceId, newNote }: { kind: LibraryKind; pieceId?: string; newNote?: NoteDoc }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const { navigate } = useNavigation();
  // Search and filters per kind survive opening a piece and coming back.
  const [states, setStates] = useState<Partial<Record<LibraryKind, BrowserState>>>({});
  const [creating, setCreating] = useState(false);
  const [cameFrom, setCameFrom] = useState<string | undefined>(undefined);
  const editing = pieceId ?? newNote?.id;
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
            initial={newNote ? { kind: 'note', record: newNote } : undefined}
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
            onNewNote={() => setCreating(true)}
            focusId={cameFrom}
          />
        )}
      </div>
      {creating ? (
        <NewNoteDialog
          onCancel={() => setCreating(false)}
          onCreate={(note) => {
            setCreating(false);
            navigate({ screen: 'library', kind: 'notes', newNote: note });
          }}
        />
      ) : null}
    </div>
  );
}
