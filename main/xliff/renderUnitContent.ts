import { escapeAttribute, escapeContent } from './escapeXml';
import { splitParagraphs, type ParagraphSplit } from './splitParagraphs';
import { tokenizeInline, type InlineNode, type PcRole, type PhRole } from './tokenizeInline';

export interface UnitPart {
  kind: 'segment' | 'ignorable';
  /** Inline XML, already escaped. */
  source: string;
  /** Null for a segment without translation, or an ignorable whose target equals its source. */
  target: string | null;
}

export interface UnitContent {
  /** originalData entries, [id, value], in order of first use. */
  data: Array<[string, string]>;
  parts: UnitPart[];
}

const PH_TYPES: Record<PhRole, string> = {
  break: ' type="fmt" subType="xlf:lb"',
  block: ' type="fmt"',
  variable: ' type="ui" subType="xlf:var"',
  code: ' type="other"',
  escape: ' type="other"',
  html: ' type="fmt"',
};

const PC_TYPES: Record<PcRole, string> = {
  strong: ' type="fmt" subType="xlf:b"',
  em: ' type="fmt" subType="xlf:i"',
  link: ' type="link"',
  image: ' type="image"',
};

interface SourceCode {
  id: string;
  key: string;
  segment: number;
}

/**
 * Source and target of a unit as segments and ignorables. Paragraphs are paired one to one; when
 * the translation has a different paragraph layout the whole text becomes a single segment, so
 * nothing is ever forced into the wrong place. A target code takes the id of an identical source
 * code (same segment first), which is what lets CAT tools check and copy tags; a code that only
 * the translation has (a translated link address) gets its own id and its own data.
 */
export function renderUnitContent(source: string, target: string | null): UnitContent {
  const codes = new CodeTable();
  const sourceSplit = splitParagraphs(source);
  const targetSplit = target === null ? null : splitParagraphs(target);
  const aligned = sourceSplit.paragraphs.length > 0 && (targetSplit === null || sameShape(sourceSplit, targetSplit));

  if (!aligned) {
    const whole = codes.renderSource(tokenizeInline(source), 0);
    const translated = target === null ? null : codes.renderTarget(tokenizeInline(target), 0);
    return { data: codes.data, parts: [{ kind: 'segment', source: whole, target: translated }] };
  }

  const parts: UnitPart[] = [];
  const ignorable = (sourceText: string, targetText: string | undefined) => {
    if (sourceText === '') return;
    const differs = targetText !== undefined && targetText !== sourceText;
    parts.push({ kind: 'ignorable', source: escapeContent(sourceText), target: differs ? escapeContent(targetText) : null });
  };
  const segments = sourceSplit.paragraphs.map((paragraph, i) => codes.renderSource(tokenizeInline(paragraph), i));
  const targets = targetSplit?.paragraphs.map((paragraph, i) => codes.renderTarget(tokenizeInline(paragraph), i));

  ignorable(sourceSplit.lead, targetSplit?.lead);
  segments.forEach((segment, i) => {
    parts.push({ kind: 'segment', source: segment, target: targets?.[i] ?? null });
    if (i < sourceSplit.separators.length) ignorable(sourceSplit.separators[i]!, targetSplit?.separators[i]);
  });
  ignorable(sourceSplit.trail, targetSplit?.trail);
  return { data: codes.data, parts };
}

function sameShape(a: ParagraphSplit, b: ParagraphSplit): boolean {
  return a.paragraphs.length === b.paragraphs.length && (a.lead === '') === (b.lead === '') && (a.trail === '') === (b.trail === '');
}

class CodeTable {
  readonly data: Array<[string, string]> = [];
  private readonly dataIds = new Map<string, string>();
  private readonly sourceCodes: SourceCode[] = [];
  private readonly usedByTarget = new Set<string>();
  private nextId = 1;

  renderSource(nodes: readonly InlineNode[], segment: number): string {
    return this.render(nodes, (key) => {
      const id = String(this.nextId++);
      this.sourceCodes.push({ id, key, segment });
      return id;
    });
  }

  /** Runs after every source segment has been rendered, so ids never collide. */
  renderTarget(nodes: readonly InlineNode[], segment: number): string {
    return this.render(nodes, (key) => {
      const free = (code: SourceCode) => code.key === key && !this.usedByTarget.has(code.id);
      const match = this.sourceCodes.find((code) => code.segment === segment && free(code)) ?? this.sourceCodes.find(free);
      const id = match?.id ?? String(this.nextId++);
      this.usedByTarget.add(id);
      return id;
    });
  }

  private render(nodes: readonly InlineNode[], idFor: (key: string) => string): string {
    let out = '';
    for (const node of nodes) {
      if (node.kind === 'text') {
        out += escapeContent(node.text);
      } else if (node.kind === 'ph') {
        const id = idFor(`ph\u0000${node.data}`);
        out += `<ph id="${id}" dataRef="${this.dataId(node.data)}" disp="${escapeAttribute(node.data)}"${PH_TYPES[node.role]}/>`;
      } else {
        const id = idFor(`pc\u0000${node.start}\u0000${node.end}`);
        out +=
          `<pc id="${id}" dataRefStart="${this.dataId(node.start)}" dataRefEnd="${this.dataId(node.end)}"` +
          ` dispStart="${escapeAttribute(node.start)}" dispEnd="${escapeAttribute(node.end)}"${PC_TYPES[node.role]}>` +
          `${this.render(node.children, idFor)}</pc>`;
      }
    }
    return out;
  }

  private dataId(value: string): string {
    let id = this.dataIds.get(value);
    if (id === undefined) {
      id = `d${this.dataIds.size + 1}`;
      this.dataIds.set(value, id);
      this.data.push([id, value]);
    }
    return id;
  }
}
