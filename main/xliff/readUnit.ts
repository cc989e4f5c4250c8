import { CDATA_SECTION_NODE, TEXT_NODE, type XmlElement as Element } from './xmlTree';
import { AppError } from '../../shared/errors/AppError';
import { findBadCharacter } from '../../shared/schemas/textCharacters';
import { attribute, childElements, firstChild, isElement, lineOf } from './xmlElements';
import { MDA_NS, META_GROUP_CATEGORY, SOURCE_HASH_META, XLIFF_NS } from './xliffNames';
import { XLIFF_STATES, type XliffState, type XliffUnitIn } from './xliffTypes';

type Side = 'source' | 'target' | 'data';
type Part = 'ph' | 'start' | 'end';


/**
 * One <unit> back to plain text: codes are replaced by their original data, annotations by their
 * content, segments and ignorables joined in order. Tools resegment and drop attributes but keep
 * code ids, so a target code's data is looked up in this order: its own dataRef, then the source
 * code with the same id (or copyOf), then its own disp when its data was written but since lost.
 */
export function readUnit(unit: Element, fileId: string, unitId: string): XliffUnitIn {
  return new UnitReader(unit, fileId, unitId).read();
}

class UnitReader {
  private readonly data = new Map<string, string>();
  private readonly sourceCodes = new Map<string, Partial<Record<Part, string>>>();
  /** Target start codes (<sc>) whose end code has not been seen yet. */
  private readonly open = new Map<string, Element>();

  constructor(
    private readonly unit: Element,
    private readonly fileId: string,
    private readonly unitId: string,
  ) {
    const originalData = firstChild(unit, 'originalData');
    for (const data of originalData ? childElements(originalData, 'data') : []) {
      const id = attribute(data, 'id');
      if (id !== null) this.data.set(id, this.content(data, 'data'));
    }
  }

  read(): XliffUnitIn {
    const parts = childElements(this.unit).filter((el) => el.localName === 'segment' || el.localName === 'ignorable');
    if (!parts.some((el) => el.localName === 'segment')) {
      throw new AppError('xliff.unitWithoutSegment', { file: this.fileId, unit: this.unitId, line: lineOf(this.unit) });
    }
    // Every source first: a target code may stand for a source code of another segment.
    const sources = parts.map((part) => {
      const source = firstChild(part, 'source');
      return source ? this.content(source, 'source') : '';
    });

    let target = '';
    let translated = false;
    let untranslated = 0;
    const textStates: XliffState[] = [];
    const allStates: XliffState[] = [];
    parts.forEach((part, i) => {
      const source = sources[i]!;
      const targetElement = firstChild(part, 'target');
      const text = targetElement ? this.content(targetElement, 'target') : null;
      if (part.localName === 'ignorable') {
        target += text ?? source;
        return;
      }
      const state = stateOf(part);
      const hasText = !isBlank(source);
      allStates.push(state);
      if (hasText) textStates.push(state);
      if (text !== null && !isBlank(text)) {
        translated = true;
        target += text;
      } else if (hasText) {
        untranslated++;
        target += source;
      } else {
        target += text || source;
      }
    });
    const [unclosed] = this.open;
    if (unclosed) throw this.error('xliff.unclosedCode', unclosed[0], unclosed[1]);
    const bad = translated ? findBadCharacter(target) : null;
    if (bad) {
      const params = { file: this.fileId, unit: this.unitId, line: lineOf(this.unit), character: bad.character };
      if (bad.kind === 'surrogate') throw new AppError('xliff.loneSurrogate', params);
      if (bad.kind === 'nonCharacter') throw new AppError('xliff.nonCharacter', params);
      throw new AppError('xliff.controlCharacter', params);
    }

    return {
      fileId: this.fileId,
      id: this.unitId,
      source: sources.join(''),
      target: translated ? target : null,
      state: leastAdvanced(textStates.length > 0 ? textStates : allStates),
      sourceHash: this.sourceHash(),
      untranslatedSegments: translated ? untranslated : 0,
    };
  }

  private content(parent: Element, side: Side): string {
    let out = '';
    for (let node = parent.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) out += node.nodeValue ?? '';
      else if (isElement(node) && node.namespaceURI === XLIFF_NS) out += this.inline(node, side);
    }
    return out;
  }

  private inline(el: Element, side: Side): string {
    if (el.localName === 'cp') return this.codePoint(el);
    if (side === 'data') return '';
    switch (el.localName) {
      case 'ph':
        return this.code(el, side, 'ph');
      case 'pc':
        return this.code(el, side, 'start') + this.content(el, side) + this.code(el, side, 'end');
      case 'sc': {
        const start = this.code(el, side, 'start');
        if (side === 'target' && attribute(el, 'isolated') !== 'yes') this.open.set(attribute(el, 'id') ?? '', el);
        return start;
      }
      case 'ec': {
        const end = this.code(el, side, 'end');
        if (side === 'target') this.open.delete(endCodeId(el));
        return end;
      }
      case 'mrk':
        return this.content(el, side);
      default:
        // <sm>/<em> only mark where an annotation starts or ends; they hold no text.
        return '';
    }
  }

  private code(el: Element, side: 'source' | 'target', part: Part): string {
    const paired = el.localName === 'pc';
    const ref = attribute(el, paired ? (part === 'start' ? 'dataRefStart' : 'dataRefEnd') : 'dataRef');
    const disp = attribute(el, paired ? (part === 'start' ? 'dispStart' : 'dispEnd') : 'disp');
    const id = el.localName === 'ec' ? endCodeId(el) : (attribute(el, 'id') ?? '');
    const own = ref === null ? undefined : this.data.get(ref);

    if (side === 'source') {
      // A code without dataRef has no original data; one whose data was dropped falls back to disp.
      const value = own ?? disp ?? (ref === null ? '' : undefined);
      if (value === undefined) throw this.error('xliff.missingCodeData', id, el);
      this.sourceCodes.set(id, { ...this.sourceCodes.get(id), [part]: value });
      return value;
    }
    if (own !== undefined) return own;
    const counterpart = this.sourceCodes.get(attribute(el, 'copyOf') ?? id);
    if (counterpart) {
      const value = counterpart[part];
      if (value === undefined) throw this.error('xliff.codeMismatch', id, el);
      return value;
    }
    if (ref !== null && disp !== null) return disp;
    throw this.error('xliff.unknownCode', id, el);
  }

  private sourceHash(): string | null {
    const metadata = firstChild(this.unit, 'metadata', MDA_NS);
    if (!metadata) return null;
    const metas = Array.from(metadata.getElementsByTagNameNS(MDA_NS, 'meta')).filter((meta) => attribute(meta, 'type') === SOURCE_HASH_META);
    const ours = metas.find((meta) => {
      const group = meta.parentNode;
      return group !== null && isElement(group) && attribute(group, 'category') === META_GROUP_CATEGORY;
    });
    const hash = (ours ?? metas[0])?.textContent?.trim() ?? '';
    return hash === '' ? null : hash;
  }

  /** XLIFF's escape for one character: only a character XML 1.0 allows in a document comes back. */
  private codePoint(el: Element): string {
    const hex = attribute(el, 'hex');
    const value = hex !== null && /^[0-9A-Fa-f]{1,6}$/.test(hex) ? Number.parseInt(hex, 16) : -1;
    if (!isXmlChar(value)) {
      throw new AppError('xliff.badCodePoint', { file: this.fileId, unit: this.unitId, line: lineOf(el), hex: (hex ?? '').slice(0, 12) });
    }
    return String.fromCodePoint(value);
  }

  private error(code: string, inlineId: string, el: Element): AppError {
    return new AppError(code, { file: this.fileId, unit: this.unitId, code: inlineId, line: lineOf(el) });
  }
}

/** XML whitespace only: a no-break space or a line separator is text a translator put there. */
function isBlank(text: string): boolean {
  return /^[ \t\r\n]*$/.test(text);
}

function endCodeId(el: Element): string {
  return attribute(el, 'startRef') ?? attribute(el, 'id') ?? '';
}

function stateOf(segment: Element): XliffState {
  const value = attribute(segment, 'state');
  return XLIFF_STATES.find((state) => state === value) ?? 'initial';
}

function leastAdvanced(states: readonly XliffState[]): XliffState {
  return states.reduce<XliffState>((least, state) => (XLIFF_STATES.indexOf(state) < XLIFF_STATES.indexOf(least) ? state : least), 'final');
}

/** XML 1.0's Char production. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
  );
}
