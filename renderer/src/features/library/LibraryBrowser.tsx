import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListEntry, SearchHit } from '../../../../shared/api/listTypes';
import { INSTRUMENT_KINDS, type PieceKind } from '../../../../shared/domain/pieceKinds';
import { LOCALES, type Locale } from '../../../../shared/domain/locales';
import { intlCountryName } from '../../../../shared/domain/countryName';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusBadges } from '../../components/StatusBadge';
import { VirtualList } from '../../components/VirtualList';
import { Excerpt } from '../../components/Excerpt';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useUiLocale } from '../../components/useUiLocale';
import type { LibraryKind } from '../../navigation/Route';
import { filterEntries, foldTitles, type LibraryFilters, type Row } from './filterEntries';
import { rowDetails, rowDetailsLoaded, rowDetailsReady } from './rowDetails';
import { piecesInConflict } from '../../../../shared/translation/unitConflicts';
import { ConflictMark } from '../sync/ConflictMark';
import { useOpenConflicts } from '../sync/useOpenConflicts';

const PIECE_KIND: Record<LibraryKind, string> = {
  priorities: 'priority',
  instruments: 'instrument',
  countries: 'country',
  notes: 'note',
  meetings: 'meeting',
  networks: 'network',
  sources: 'source',
};
const ROW_HEIGHT = 64;
const STATES = ['approved', 'draft', 'stale', 'missing'] as const;

export interface BrowserState {
  query: string;
  filters: LibraryFilters;
}

export function emptyBrowserState(locale: Locale): BrowserState {
  return { query: '', filters: { instrumentKind: '', country: '', tag: '', status: '', statusLocale: locale, conflicts: false } };
}

/** One kind's list: search as you type, filters, status badges, 10,000 rows without a stall. */
export function LibraryBrowser({
  kind,
  state,
  onState,
  onOpen,
  onNewNote,
  onNewSource,
  onImport,
  onNewPiece,
  focusId,
}: {
  kind: LibraryKind;
  state: BrowserState;
  onState: (next: BrowserState) => void;
  onOpen: (id: string) => void;
  onNewNote: () => void;
  onNewSource: () => void;
  /** Opens the import of a library file: where an empty list leads. */
  onImport?: () => void;
  /** "New …" for the kinds other than notes and sources (NewPieceDialog). */
  onNewPiece: () => void;
  /** The piece the user just left the editor of: its row gets focus back. */
  focusId?: string;
}) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const searchId = useId();
  const fetched = useApiQuery(`list:${kind}:${locale}`, () => getApi()['library.list']({ kind, locale }), { remember: true });
  const [columnsReady, setColumnsReady] = useState(rowDetailsReady);
  useEffect(() => {
    if (!columnsReady) void rowDetailsLoaded.then(() => setColumnsReady(true));
  }, [columnsReady]);
  // Rows wait for their columns (rowDetails), so a row never shows without its details line.
  const list = columnsReady ? fetched : { ...fetched, data: undefined, loading: true };
  const entries: ListEntry[] = list.data ?? [];
  const { query, filters } = state;
  // Folded only once a search starts: opening a 10,000-row list does not pay for it.
  const searching = query.trim() !== '';
  const folded = useMemo(() => (searching ? foldTitles(entries) : null), [entries, searching]);
  const debounced = useDebouncedValue(query.trim(), 120);
  const [hits, setHits] = useState<{ query: string; hits: SearchHit[] } | null>(null);
  const [searchError, setSearchError] = useState<Parameters<typeof ErrorAlert>[0]['error']>(null);
  const ticket = useRef(0);

  useEffect(() => {
    const mine = ++ticket.current;
    if (!debounced) {
      setHits(null);
      setSearchError(null);
      return;
    }
    void getApi()
      ['library.search']({ query: debounced.slice(0, 500), locale, kinds: [PIECE_KIND[kind] as PieceKind] })
      .then((result) => {
        if (mine !== ticket.current) return;
        if (result.ok) {
          setHits({ query: debounced, hits: result.value.filter((h) => h.kind === PIECE_KIND[kind]) });
          setSearchError(null);
        } else if (result.error.code !== 'cli.emptyQuery') setSearchError(result.error);
        else setHits({ query: debounced, hits: [] });
      });
  }, [debounced, locale, kind]);

  const openConflicts = useOpenConflicts();
  const conflicted = useMemo(() => piecesInConflict(openConflicts.data ?? []), [openConflicts.data]);
  const rows = useMemo(
    () => filterEntries(entries, folded, query, hits && hits.query === query.trim() ? hits.hits : null, filters, conflicted),
    [entries, folded, query, hits, filters, conflicted],
  );

  const countries = useMemo(() => {
    if (kind !== 'notes') return [];
    const codes = new Set<string>();
    for (const e of entries) if (typeof e.details.countryCode === 'string') codes.add(e.details.countryCode);
    return [...codes].map((code) => ({ code, name: intlCountryName(code, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale));
  }, [entries, kind, locale]);
  const tags = useMemo(() => {
    if (kind !== 'notes') return [];
    const all = new Set<string>();
    for (const e of entries) if (Array.isArray(e.details.tags)) for (const tag of e.details.tags) all.add(tag);
    return [...all].sort();
  }, [entries, kind]);

  const setFilter = (patch: Partial<LibraryFilters>) => onState({ query, filters: { ...filters, ...patch } });
  const filtered = query.trim() !== '' || filters.instrumentKind !== '' || filters.country !== '' || filters.tag !== '' || filters.status !== '' || filters.conflicts;
  const kindName = t(`ui:kinds.${kind}`);

  const renderRow = (row: Row) => {
    const { entry } = row;
    const otherLanguage = entry.titleLocale !== locale;
    return (
      <button type="button" className="row" data-testid={`row-${entry.id}`} onClick={() => onOpen(entry.id)}>
        <span className="row-main">
          <span className="row-titleline">
            <span className="row-title" lang={entry.titleLocale}>
              {entry.title}
            </span>
            {otherLanguage ? (
              <span className="row-fallback">{t('ui:library.shownIn', { language: t(`ui:language.${entry.titleLocale}`) })}</span>
            ) : null}
          </span>
          <span className="row-details">
            {row.excerpt ? <Excerpt text={row.excerpt} /> : rowDetails(kind, entry, locale, t)}
          </span>
        </span>
        {conflicted.has(entry.id) ? <ConflictMark /> : null}
        <StatusBadges states={entry.states} />
      </button>
    );
  };

  return (
    <section className="browser" aria-labelledby="browser-heading">
      <div className="browser-head">
        <h2 id="browser-heading">{kindName}</h2>
        {kind === 'notes' ? (
          <button type="button" className="button-primary" onClick={onNewNote} data-testid="new-note">
            {t('ui:library.newNote')}
          </button>
        ) : kind === 'sources' ? (
          <button type="button" className="button-primary" onClick={onNewSource} data-testid="new-source">
            {t('ui:library.newSource')}
          </button>
        ) : (
          <button type="button" className="button-primary" onClick={onNewPiece} data-testid={`new-${PIECE_KIND[kind]}`}>
            {t(`ui:library.new.${PIECE_KIND[kind]}`)}
          </button>
        )}
      </div>
      <div role="search" className="browser-tools" aria-label={t('ui:library.searchAndFilters')}>
        <div className="field search-field">
          <label htmlFor={searchId}>{t('ui:library.search', { kind: kindName })}</label>
          <input
            id={searchId}
            type="search"
            data-testid="library-search"
            value={query}
            placeholder={t('ui:library.searchPlaceholder')}
            maxLength={500}
            onChange={(e) => onState({ query: e.target.value, filters })}
          />
        </div>
        {kind === 'instruments' ? (
          <div className="field">
            <label htmlFor={`${searchId}-kind`}>{t('ui:fields.instrumentKind')}</label>
            <select id={`${searchId}-kind`} data-testid="filter-kind" value={filters.instrumentKind} onChange={(e) => setFilter({ instrumentKind: e.target.value })}>
              <option value="">{t('ui:library.any')}</option>
              {INSTRUMENT_KINDS.map((k) => (
                <option key={k} value={k}>{t(`pdf:instrumentKind.${k}`)}</option>
              ))}
            </select>
          </div>
        ) : null}
        {kind === 'notes' ? (
          <>
            <div className="field">
              <label htmlFor={`${searchId}-country`}>{t('ui:fields.country')}</label>
              <select id={`${searchId}-country`} data-testid="filter-country" value={filters.country} onChange={(e) => setFilter({ country: e.target.value })}>
                <option value="">{t('ui:library.any')}</option>
                <option value="-">{t('ui:library.developmentNotes')}</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>{c.name}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${searchId}-tag`}>{t('ui:fields.tag')}</label>
              <select id={`${searchId}-tag`} data-testid="filter-tag" value={filters.tag} onChange={(e) => setFilter({ tag: e.target.value })}>
                <option value="">{t('ui:library.any')}</option>
                {tags.map((tag) => (
                  <option key={tag} value={tag}>{tag}</option>
                ))}
              </select>
            </div>
          </>
        ) : null}
        <div className="field">
          <label htmlFor={`${searchId}-status`}>{t('ui:library.translationStatus')}</label>
          <select id={`${searchId}-status`} data-testid="filter-status" value={filters.status} onChange={(e) => setFilter({ status: e.target.value as LibraryFilters['status'] })}>
            <option value="">{t('ui:library.any')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>{t(`ui:status.${s}`)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${searchId}-status-locale`}>{t('ui:library.statusIn')}</label>
          <select id={`${searchId}-status-locale`} data-testid="filter-status-locale" value={filters.statusLocale} onChange={(e) => setFilter({ statusLocale: e.target.value as Locale })}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>{t(`ui:languageName.${l}`)}</option>
            ))}
          </select>
        </div>
        <label className="filter-check">
          <input type="checkbox" data-testid="filter-conflicts" checked={filters.conflicts} onChange={(e) => setFilter({ conflicts: e.target.checked })} />
          {t('ui:library.conflictsOnly')}
        </label>
        {filtered ? (
          <button type="button" className="button-link" data-testid="clear-filters" onClick={() => onState(emptyBrowserState(locale))}>
            {t('ui:library.clear')}
          </button>
        ) : null}
      </div>
      <ErrorAlert error={list.error ?? searchError} />
      <p className="count" role="status" data-testid="library-count">
        {list.loading && !list.data
          ? t('ui:loading')
          : filtered
            ? t('ui:library.shown', { count: entries.length, shown: rows.length })
            : t('ui:library.total', { count: entries.length })}
      </p>
      {list.data && entries.length === 0 ? (
        <div className="empty" data-testid="empty">
          <p>{t(`ui:library.empty.${kind}`)}</p>
          <div className="empty-actions">
            {kind === 'notes' ? (
              <button type="button" className="button-primary" onClick={onNewNote} data-testid="empty-new-note">
                {t('ui:library.newNote')}
              </button>
            ) : kind === 'sources' ? (
              <button type="button" className="button-primary" onClick={onNewSource} data-testid="empty-new-source">
                {t('ui:library.newSource')}
              </button>
            ) : null}
            <button type="button" className={kind === 'notes' || kind === 'sources' ? undefined : 'button-primary'} onClick={onImport} data-testid="empty-import">
              {t('ui:libraryFile.importAction')}
            </button>
          </div>
        </div>
      ) : list.data && rows.length === 0 ? (
        <div className="empty" data-testid="empty">
          <p>{t('ui:library.noMatch')}</p>
          <button type="button" onClick={() => onState(emptyBrowserState(locale))}>
            {t('ui:library.clear')}
          </button>
        </div>
      ) : (
        <VirtualList
          items={rows}
          rowHeight={ROW_HEIGHT}
          getKey={(row) => row.entry.id}
          renderRow={renderRow}
          label={t('ui:library.listLabel', { kind: kindName })}
          testId="library-list"
          focusKey={focusId}
          resetKey={`${query}\u0000${JSON.stringify(filters)}`}
        />
      )}
    </section>
  );
}
