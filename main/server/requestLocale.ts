import { LOCALES, type Locale } from '../../shared/domain/locales';
import { createTranslator, type Translate } from '../../shared/locales/createTranslator';

/** The first of en, fr, es an Accept-Language header names (by its q order); English if none. */
export function requestLocale(header: string | undefined): Locale {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean) ?? 1);
      return { primary: tag.split('-')[0]!.toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked.find((entry) => (LOCALES as readonly string[]).includes(entry.primary))?.primary as Locale) ?? 'en';
}

const translators = new Map<Locale, Translate>();

export function translatorFor(header: string | undefined): Translate {
  const locale = requestLocale(header);
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createTranslator(locale)));
  return t;
}
