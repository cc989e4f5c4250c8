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
import { LazyReader } from '../reader/LazyReader';
import { libraryTabOf } from '../reader/libraryTabOf';

/** The library: a kind per tab in the sidebar, its list, and the editor for one piece. */
export function LibraryScreen({
  kind,
  pieceId,
  readId,
  query,
  newNote,
  newSource,
}: {
  kind: LibraryKind;
  pieceId?: string;
  readId?: string;
  query?: string;
  newNote?: NoteDoc;
  newSource?: SourceDoc;
}) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const { navigate } = useNavigation();
  // Search and filters per kind survive opening a piece and coming back.
  const [states, setStates] = useState<Partial<Record<LibraryKind, BrowserState>>>({});
  const [creating, setCreating] = useState<'note' | 'source' | null>(null);
  const [cameFrom, setCameFrom] = useState<string | undefined>(undefined);
  const editing = pieceId ?? newNote?.id ?? newSource?.id;
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
      </nav>
      <div className="library-content">
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
            initial={newNote ? { kind: 'note', record: newNote } : newSource ? { kind: 'source', record: newSource } : undefined}
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
            onOpen={(id) => navigate({ screen: 'library', kind, readId: id })}
            onNewNote={() => setCreating('note')}
            onNewSource={() => setCreating('source')}
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
