import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { LOCALES, type Locale } from '../../../../shared/domain/locales';
import { pickText } from '../../../../shared/domain/pickText';
import type { ReadLink, ReadPiece } from '../../../../shared/api/readTypes';
import { getApi } from '../../api/getApi';
import { useApiQuery } from '../../api/useApiQuery';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Markdown } from '../../components/Markdown';
import { useUiLocale } from '../../components/useUiLocale';
import { fieldLabelKey, titleFieldOf } from '../../../../shared/descriptors/descriptors';
import { PieceConflicts } from '../sync/PieceConflicts';
import { readerFacts } from './readerFacts';
import './reader.css';


/**
 * A piece read-only, in one language at a time (the interface's to begin with, switchable here
 * for this piece), with the pieces it links to and that link to it. Editing is a separate,
 * explicit step (the Edit button).
 */
export function ReaderView({
  id,
  onBack,
  onEdit,
  onOpen,
}: {
  id: string;
  onBack: () => void;
  onEdit: (piece: ReadPiece) => void;
  onOpen: (link: ReadLink) => void;
}) {
  const { t } = useTranslation();
  const uiLocale = useUiLocale();
  const [lang, setLang] = useState<Locale>(uiLocale);
  const read = useApiQuery(`read:${id}:${lang}`, () => getApi()['library.read']({ id, locale: lang }));
  const heading = useRef<HTMLHeadingElement>(null);
  const piece = read.data?.id === id ? read.data : undefined;

  useEffect(() => {
    heading.current?.focus();
  }, [id]);

  return (
    <article className="reader" aria-labelledby="reader-heading" data-testid="reader" data-state={piece ? 'ready' : read.error ? 'failed' : 'loading'} data-lang={lang}>
      <div className="reader-bar">
        <button type="button" onClick={onBack} data-testid="reader-back">
          ← {t('ui:editor.back')}
        </button>
        <div className="reader-actions">
          <div className="reader-langs" role="group" aria-label={t('ui:reader.readIn')}>
            {LOCALES.map((l) => (
              <button
                key={l}
                type="button"
                className="reader-lang"
                aria-pressed={l === lang}
                data-testid={`reader-lang-${l}`}
                lang={l}
                title={t(`ui:language.native.${l}`)}
                onClick={() => setLang(l)}
              >
                <span aria-hidden="true">{l.toUpperCase()}</span>
                <span className="sr-only">{t(`ui:language.native.${l}`)}</span>
                {piece ? <span className={`reader-dot reader-dot-${piece.states[l]}`} aria-hidden="true" /> : null}
              </button>
            ))}
          </div>
          <button type="button" className="button-primary" data-testid="reader-edit" disabled={!piece} onClick={() => piece && onEdit(piece)}>
            {t('ui:reader.edit')}
          </button>
        </div>
      </div>
      <h2 id="reader-heading" ref={heading} tabIndex={-1} className="reader-heading">
        {piece ? <span className="kind-label">{t(`ui:pieceKind.${piece.kind}`)}</span> : null}{' '}
        <span lang={piece?.titleLocale} data-testid="reader-title">
          {piece ? piece.title : t('ui:loading')}
        </span>
      </h2>
      <ErrorAlert error={read.error} />
      <PieceConflicts pieceId={id} />
      {piece ? <ReaderBody piece={piece} lang={lang} t={t} onOpen={onOpen} /> : null}
    </article>
  );
}

function ReaderBody({ piece, lang, t, onOpen }: { piece: ReadPiece; lang: Locale; t: TFunction; onOpen: (link: ReadLink) => void }) {
  const state = piece.states[lang];
  const langName = t(`ui:language.${lang}`);
  return (
    <>
      <p className="reader-status" data-testid="reader-status" data-state={state}>
        {t(`ui:reader.state.${state}`, { language: langName })}
      </p>
      <Facts piece={piece} lang={lang} t={t} />
      {piece.fields
        // The heading shows the title field: not repeated below.
        .filter((f) => f.name !== titleFieldOf(piece.kind))
        .map((field) => {
          const picked = pickText(field.value, lang);
          if (!picked) return null;
          const fellBack = picked.locale !== lang;
          return (
            <section key={field.name} className="reader-field" aria-labelledby={`reader-f-${field.name}`} data-testid={`reader-field-${field.name}`}>
              <h3 id={`reader-f-${field.name}`} className="reader-label">
                {t(fieldLabelKey(field.name, piece.kind) ?? `ui:fields.${field.name}`)}
              </h3>
              {fellBack ? (
                <p className="reader-fallback" data-testid={`reader-fallback-${field.name}`}>
                  {t('ui:reader.fallback', { language: langName, shown: t(`ui:language.${picked.locale}`) })}
                </p>
              ) : field.states[lang] === 'stale' ? (
                <p className="reader-fallback">{t('ui:reader.staleField', { language: langName })}</p>
              ) : null}
              <div lang={picked.locale}>
                {field.markdown ? <Markdown source={picked.text} className="markdown reader-text" webLinksOnly /> : <p className="reader-text">{picked.text}</p>}
              </div>
            </section>
          );
        })}
      {piece.links.length > 0 ? (
        <nav className="reader-links" aria-label={t('ui:reader.linksLabel')}>
          {piece.links.map((group) => (
            <section key={group.group} className="reader-group" aria-labelledby={`reader-g-${group.group}`} data-testid={`reader-links-${group.group}`}>
              <h3 id={`reader-g-${group.group}`} className="reader-label">
                {t(`ui:reader.group.${group.group}`)} <span className="reader-count">({group.total.toLocaleString(lang)})</span>
              </h3>
              <ul>
                {group.items.map((item) => (
                  <li key={item.id}>
                    <a
                      href={`#${item.kind}/${item.id}`}
                      data-testid={`reader-link-${item.id}`}
                      lang={item.titleLocale}
                      onClick={(e) => {
                        e.preventDefault();
                        onOpen(item);
                      }}
                    >
                      {item.title}
                    </a>
                    {item.kind === 'pack' ? <span className="reader-hint"> {t('ui:reader.opensBuilder')}</span> : null}
                  </li>
                ))}
              </ul>
              {group.total > group.items.length ? (
                <p className="reader-hint">{t('ui:reader.more', { count: group.total - group.items.length })}</p>
              ) : null}
            </section>
          ))}
        </nav>
      ) : null}
    </>
  );
}

function Facts({ piece, lang, t }: { piece: ReadPiece; lang: Locale; t: TFunction }) {
  const f = piece.facts;
  const rows = readerFacts(piece.kind, f, lang, t);
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const url = piece.kind === 'source' ? str(f.url) : null;
  if (rows.length === 0 && !url) return null;
  return (
    <dl className="reader-facts" data-testid="reader-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
      {url && /^https?:\/\//i.test(url) ? (
        <div>
          <dt>{t('ui:fields.url')}</dt>
          <dd>
            <a href={url} target="_blank" rel="noopener noreferrer" className="reader-url">
              {url}
            </a>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
