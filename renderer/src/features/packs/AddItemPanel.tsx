import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Choices } from '../../../../shared/api/apiContract';
import type { SearchHit } from '../../../../shared/api/listTypes';
import { PACK_ITEM_KINDS, type PackItemKind } from '../../../../shared/domain/pieceKinds';
import type { PackItemDoc } from '../../../../shared/schemas/libraryDocument';
import { getApi } from '../../api/getApi';
import { Excerpt } from '../../components/Excerpt';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useUiLocale } from '../../components/useUiLocale';

const CHOICE_LIST: Record<PackItemKind, keyof Choices> = {
  priority: 'priorities',
  instrument: 'instruments',
  note: 'notes',
  country: 'countries',
};

function isItemKind(kind: string): kind is PackItemKind {
  return (PACK_ITEM_KINDS as readonly string[]).includes(kind);
}

/** Adds pieces to a section: by searching the library, or from a picker per kind. */
export function AddItemPanel({
  sectionTitle,
  items,
  choices,
  onAdd,
  onClose,
}: {
  sectionTitle: string;
  items: readonly PackItemDoc[];
  choices: Choices | undefined;
  onAdd: (item: PackItemDoc) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const id = useId();
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query.trim(), 120);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [kind, setKind] = useState<PackItemKind>('priority');
  const [ref, setRef] = useState('');
  const ticket = useRef(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const pieceRef = useRef<HTMLSelectElement>(null);
  // The Add button just pressed turns into "Added" (disabled), which would drop focus on the page:
  // it moves to where the next piece is chosen.
  const add = (item: PackItemDoc, then: HTMLElement | null) => {
    onAdd(item);
    then?.focus();
  };
  const inSection = (k: string, r: string) => items.some((i) => i.kind === k && i.ref === r);

  useEffect(() => searchRef.current?.focus(), []);

  useEffect(() => {
    const mine = ++ticket.current;
    if (!debounced) {
      setHits([]);
      return;
    }
    void getApi()
      ['library.search']({ query: debounced.slice(0, 500), locale })
      .then((result) => {
        if (mine === ticket.current) setHits(result.ok ? result.value.filter((h) => isItemKind(h.kind)) : []);
      });
  }, [debounced, locale]);

  const options = choices ? choices[CHOICE_LIST[kind]] : [];
  const chosen = ref && options.some((o) => o.id === ref) ? ref : (options[0]?.id ?? '');

  return (
    <div className="add-panel" role="group" aria-label={t('ui:builder.addTo', { section: sectionTitle })} data-testid="add-panel">
      <div className="add-search">
        <label htmlFor={`${id}-search`}>{t('ui:builder.searchPieces')}</label>
        <input ref={searchRef} id={`${id}-search`} type="search" value={query} maxLength={500} data-testid="item-search" onChange={(e) => setQuery(e.target.value)} />
        {debounced ? (
          <ul className="hit-list" aria-label={t('ui:builder.results')}>
            {hits.length === 0 ? <li className="hint">{t('ui:builder.noResults')}</li> : null}
            {hits.map((hit) => {
              const already = inSection(hit.kind, hit.id);
              return (
                <li key={hit.id} className="hit">
                  <span className="hit-text">
                    <span className="item-kind">{t(`ui:pieceKind.${hit.kind}`)}</span> <strong>{hit.title}</strong>
                    {hit.matches[0] ? (
                      <span className="hit-excerpt">
                        <Excerpt text={hit.matches[0].excerpt} />
                      </span>
                    ) : null}
                  </span>
                  <button
                    type="button"
                    disabled={already}
                    data-testid={`add-${hit.id}`}
                    aria-label={already ? t('ui:builder.alreadyIn', { title: hit.title }) : t('ui:builder.addNamed', { title: hit.title })}
                    onClick={() => isItemKind(hit.kind) && add({ kind: hit.kind, ref: hit.id }, searchRef.current)}
                  >
                    {already ? t('ui:builder.added') : t('ui:builder.add')}
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
      <div className="add-picker">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('ui:builder.pieceKind')}</label>
          <select id={`${id}-kind`} value={kind} data-testid="picker-kind" onChange={(e) => { setKind(e.target.value as PackItemKind); setRef(''); }}>
            {PACK_ITEM_KINDS.map((k) => (
              <option key={k} value={k}>{t(`ui:pieceKind.${k}`)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-piece`}>{t('ui:builder.piece')}</label>
          <select ref={pieceRef} id={`${id}-piece`} value={chosen} data-testid="picker-piece" onChange={(e) => setRef(e.target.value)}>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
                {inSection(kind, o.id) ? ` (${t('ui:builder.added')})` : ''}
              </option>
            ))}
          </select>
        </div>
        <button type="button" data-testid="picker-add" disabled={!chosen || inSection(kind, chosen)} onClick={() => add({ kind, ref: chosen }, pieceRef.current)}>
          {t('ui:builder.add')}
        </button>
        <button type="button" className="button-link" onClick={onClose} data-testid="add-close">
          {t('ui:builder.doneAdding')}
        </button>
      </div>
    </div>
  );
}
