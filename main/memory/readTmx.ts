import { AppError } from '../../shared/errors/AppError';
import type { Locale } from '../../shared/domain/locales';
import { parseXml } from '../xliff/parseXml';
import { ELEMENT_NODE, type XmlElement, type XmlNode } from '../xliff/xmlTree';
import { attribute, lineOf } from '../xliff/xmlElements';
import { blankStandardDoctype } from '../xliff/blankStandardDoctype';

const MIB = 1024 * 1024;
/** A memory of a few hundred thousand units is tens of MB; far beyond that is not one to hold offline. */
export const TMX_MAX_BYTES = 64 * MIB;
export const TMX_MAX_UNITS = 500_000;

export interface TmxUnit {
  source: string;
  target: string;
  sourceLocale: Locale;
  targetLocale: Locale;
  line: number;
  /** Inline codes dropped from its two segments. */
  codes: number;
}

/**
 * Inline codes carry the other tool's native markup (RTF, HTML tags, OmegaT's <b0>), not words
 * to reuse: the codes are dropped and the words they wrap kept, and each unit counts what it lost
 * so an import can say so.
 */
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);
/** A placeholder between two words stood for what parted them (a line break, a tab, a field). */
const PLACEHOLDER = '\u0000';

/**
 * en-US, fr-CA, es-419, EN-GB, fr: the library's language by the primary subtag, or null. TMX
 * 1.4b allows any RFC 3066 tag; only the three languages the library holds are kept.
 */
export function localeOfTag(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'en' || primary === 'fr' || primary === 'es' ? primary : null;
}

function elements(parent: XmlElement, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n: XmlNode | null = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT_NODE && n.localName === local) out.push(n);
  return out;
}

function segText(seg: XmlElement): { text: string; codes: number } {
  let out = '';
  let codes = 0;
  const walk = (e: XmlElement) => {
    for (let n: XmlNode | null = e.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === ELEMENT_NODE) {
        if (!CODE_ELEMENTS.has(n.localName)) walk(n);
        else {
          codes += 1;
          if (n.localName === 'ph') out += PLACEHOLDER;
        }
      } else out += n.nodeValue;
    }
  };
  walk(seg);
  const text = out
    .replace(/(?<=[\p{L}\p{N}])\u0000+(?=[\p{L}\p{N}])/gu, ' ')
    .replaceAll(PLACEHOLDER, '')
    .replace(/\s+/g, ' ')
    .trim();
  return { text, codes };
}

/**
 * The translation units of a TMX 1.4b file as language pairs, each from the file's source
 * language (header srclang, or the unit's own) to every other of en/fr/es it gives. Throws
 * AppError (errors:tmx.*) naming what is wrong and where for anything it cannot take whole: a
 * DOCTYPE other than one naming a TMX DTD (so no entity is ever expanded or fetched), another
 * version, a language the library does not hold, a unit without its source or without a translation.
 */
export function readTmx(xml: string): TmxUnit[] {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  const bytes = text.length > TMX_MAX_BYTES ? text.length : Buffer.byteLength(text, 'utf8');
  if (bytes > TMX_MAX_BYTES) throw new AppError('tmx.tooLarge', { size: Math.round((bytes / MIB) * 10) / 10, limit: TMX_MAX_BYTES / MIB });
  if (text.trim() === '') throw new AppError('tmx.empty');
  const root = parseXml(blankStandardDoctype(text), { format: 'tmx', refuseDoctype: true }).documentElement;
  if (!root) throw new AppError('tmx.empty');
  if (root.localName !== 'tmx') throw new AppError('tmx.notTmx', { element: root.nodeName });
  const version = (attribute(root, 'version') ?? '').trim();
  if (version !== '1.4' && version !== '1.4b') throw new AppError('tmx.wrongVersion', { version: version || '—' });
  const header = elements(root, 'header')[0];
  const fileSource = (header && attribute(header, 'srclang')) ?? '';
  const body = elements(root, 'body')[0];
  if (!body) throw new AppError('tmx.noUnits');
  const units: TmxUnit[] = [];
  const tus = elements(body, 'tu');
  if (tus.length === 0) throw new AppError('tmx.noUnits');
  for (const tu of tus) {
    const line = lineOf(tu);
    const segs = new Map<Locale, { text: string; codes: number }>();
    for (const tuv of elements(tu, 'tuv')) {
      // 1.4 names the language xml:lang; 1.1–1.3 files (and some tools) write lang.
      const tag = attribute(tuv, 'xml:lang') ?? attribute(tuv, 'lang') ?? '';
      const locale = localeOfTag(tag);
      if (!locale) throw new AppError('tmx.unknownLanguage', { language: tag || '—', line: lineOf(tuv) });
      const seg = elements(tuv, 'seg')[0];
      if (!seg) throw new AppError('tmx.noSegment', { line: lineOf(tuv) });
      const words = segText(seg);
      if (words.text !== '' && !segs.has(locale)) segs.set(locale, words);
    }
    const unitSource = attribute(tu, 'srclang') ?? fileSource;
    if (unitSource.trim() === '' || unitSource === '*all*') throw new AppError('tmx.noSourceLanguage', { line });
    const sourceLocale = localeOfTag(unitSource);
    if (!sourceLocale) throw new AppError('tmx.unknownLanguage', { language: unitSource, line });
    const source = segs.get(sourceLocale);
    if (source === undefined) throw new AppError('tmx.mismatched', { line, language: unitSource });
    let targets = 0;
    for (const [locale, target] of segs) {
      if (locale === sourceLocale) continue;
      targets += 1;
      units.push({ source: source.text, target: target.text, sourceLocale, targetLocale: locale, line, codes: source.codes + target.codes });
    }
    if (targets === 0) throw new AppError('tmx.mismatched', { line, language: unitSource });
    if (units.length > TMX_MAX_UNITS) throw new AppError('tmx.tooManyUnits', { limit: TMX_MAX_UNITS });
  }
  return units;
}
