import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExcerptPart } from '../../../../shared/api/listTypes';
import { useNavigation } from '../../navigation/NavigationProvider';
import { useUiLocale } from '../../components/useUiLocale';
import { ErrorAlert } from '../../components/ErrorAlert';
import { libraryTabOf } from '../reader/libraryTabOf';
import type { LibraryKind } from '../../navigation/Route';
import { useLibrarySearch } from './useLibrarySearch';
import { isTypingTarget, moveActive, searchOptions, type SearchOption } from './searchOptions';

function Parts({ parts }: { parts: ExcerptPart[] }) {
  return (
    <>
      {parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : p.text))}
    </>
  );
}

/**
 * The library-wide search in the header: every kind, grouped, as you type. Ctrl+K (or "/" when
 * not typing in a field) comes here from anywhere; arrow keys choose, Enter opens the reading view,
 * Escape closes the results and then clears the box.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const { route, navigate } = useNavigation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const { result, error } = useLibrarySearch(query, locale);
  const options = useMemo(() => searchOptions(result), [result]);
  const trimmed = query.trim();
  const current = result && result.query === trimmed.slice(0, 500) ? result : null;
  const optionId = (o: SearchOption) => `${id}-${o.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;

  useEffect(() => setActive(-1), [result]);
  useEffect(() => {
    if (active >= 0 && options[active]) document.getElementById(optionId(options[active]))?.scrollIntoView({ block: 'nearest' });
    // Only when the choice moves: new options alone must not scroll the list.
  }, [active]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const wants = (mod && !event.altKey && event.key.toLowerCase() === 'k') || (event.key === '/' && !mod && !event.altKey && !isTypingTarget(event.target));
      // A modal dialog (the viewer, a confirmation) keeps the keyboard to itself.
      if (!wants || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const choose = (option: SearchOption) => {
    setOpen(false);
    const here: LibraryKind = route.screen === 'library' ? route.kind : 'priorities';
    if (option.type === 'all') {
      navigate({ screen: 'library', kind: libraryTabOf(option.kind, here), query: trimmed });
      return;
    }
    const { hit } = option;
    if (hit.kind === 'pack') navigate({ screen: 'packs', packId: hit.id });
    else navigate({ screen: 'library', kind: libraryTabOf(hit.kind, here), readId: hit.id });
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => moveActive(a, options.length, event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      const option = options[active] ?? options[0];
      if (option && current) {
        event.preventDefault();
        choose(option);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (open && trimmed !== '') setOpen(false);
      else {
        setQuery('');
        input.current?.blur();
      }
    }
  };

  const showPanel = open && trimmed !== '';
  const listId = `${id}-results`;
  let index = 0;

  return (
    <div className="header-search" role="search">
      <label htmlFor={`${id}-input`} className="sr-only">
        {t('ui:search.label')}
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        type="search"
        data-testid="global-search"
        role="combobox"
        aria-expanded={showPanel}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showPanel && options[active] ? optionId(options[active]) : undefined}
        aria-keyshortcuts="Control+K /"
        placeholder={t('ui:search.placeholder')}
        maxLength={500}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={(e) => {
          // Into the results (Tab, to scroll them) keeps them open; anywhere else closes them.
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget as Node | null)) setOpen(false);
        }}
        onKeyDown={onKeyDown}
      />
      <div
        className="search-panel"
        hidden={!showPanel}
        data-testid="global-search-panel"
        // Scrollable, so reachable by Tab for the keyboard's arrows; Escape goes back to the box.
        tabIndex={0}
        aria-label={t('ui:search.results', { query: trimmed })}
        role="region"
        onBlur={(e) => {
          if (!e.currentTarget.parentElement?.contains(e.relatedTarget as Node | null)) setOpen(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            input.current?.focus();
          }
        }}
      >
        <ErrorAlert error={error} />
        {current && current.groups.length === 0 ? (
          <p className="search-none" data-testid="search-none" role="status">
            {t('ui:search.none', { query: trimmed })}
          </p>
        ) : null}
        <div
          id={listId}
          role="listbox"
          aria-label={t('ui:search.results', { query: trimmed })}
          data-testid="global-search-results"
          data-query={current ? current.query : undefined}
        >
          {current?.groups.map((group) => {
            const kindName = t(`ui:search.kind.${group.kind}`);
            const count = current.truncated ? t('ui:search.atLeast', { n: group.total.toLocaleString(locale) }) : group.total.toLocaleString(locale);
            return (
              <div key={group.kind} role="group" aria-labelledby={`${id}-g-${group.kind}`} data-testid={`search-group-${group.kind}`}>
                <div id={`${id}-g-${group.kind}`} className="search-group-head" role="presentation">
                  {kindName} <span className="search-count">{count}</span>
                </div>
                {group.hits.map((hit) => {
                  const option = options[index]!;
                  const mine = index++;
                  return (
                    <div
                      key={hit.id}
                      id={optionId(option)}
                      role="option"
                      aria-selected={mine === active}
                      className="search-option"
                      data-testid={`search-hit-${hit.id}`}
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => choose(option)}
                      onMouseMove={() => setActive(mine)}
                    >
                      <span className="search-title" lang={hit.inTitle ? hit.locale : hit.titleLocale}>
                        {hit.inTitle ? <Parts parts={hit.excerpt} /> : hit.title}
                      </span>
                      {!hit.inTitle ? (
                        <span className="search-excerpt" lang={hit.locale}>
                          {hit.locale !== locale ? <span className="search-lang">{hit.locale.toUpperCase()}</span> : null}
                          <Parts parts={hit.excerpt} />
                        </span>
                      ) : hit.locale !== locale ? (
                        <span className="search-excerpt">{t('ui:search.inLanguage', { language: t(`ui:language.${hit.locale}`) })}</span>
                      ) : null}
                    </div>
                  );
                })}
                {options[index]?.type === 'all' && options[index]!.kind === group.kind
                  ? (() => {
                      const option = options[index]!;
                      const mine = index++;
                      return (
                        <div
                          id={optionId(option)}
                          role="option"
                          aria-selected={mine === active}
                          className="search-option search-all"
                          data-testid={`search-all-${group.kind}`}
                          onMouseDown={(e) => e.preventDefault()}
                          onClick={() => choose(option)}
                          onMouseMove={() => setActive(mine)}
                        >
                          {t('ui:search.showAll', { kind: kindName })}
                        </div>
                      );
                    })()
                  : null}
              </div>
            );
          })}
        </div>
        {current?.truncated ? (
          <p className="search-hint" data-testid="search-truncated">
            {t('ui:search.truncated')}
          </p>
        ) : null}
        <p className="search-hint search-keys" aria-hidden="true">
          {t('ui:search.keys')}
        </p>
      </div>
    </div>
  );
}
