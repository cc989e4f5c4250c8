import { isLocale, type Locale } from './locales';
import { isAppError } from '../errors/AppError';
import { decodeUtf8 } from '../text/decodeUtf8';
import type { ValidationProblem } from '../schemas/validationProblems';

/**
 * A recipients list for personalized copies, as staff keep it in a spreadsheet and save it as
 * CSV (RFC 4180: commas, double quotes around a field that holds one, "" for a quote inside,
 * CRLF or LF line ends, an optional UTF-8 byte order mark). The first line names the columns:
 * `name` (required), `organisation` and `language` (optional), in English, French or Spanish,
 * in any order. Strict: every problem is named by line and column, and nothing is guessed.
 */
export interface Recipient {
  /** The line the recipient's row starts on (1: the header). */
  line: number;
  name: string;
  organisation: string | null;
  /** The edition this recipient reads; null: the build's own language choice. */
  language: Locale | null;
}

export const MAX_RECIPIENTS_CSV = 500;
export const MAX_RECIPIENT_NAME = 200;
/** Problems listed at most: a file that is not a recipients list at all says so soon enough. */
const MAX_PROBLEMS = 50;

type Column = 'name' | 'organisation' | 'language';
const HEADERS: Record<string, Column> = {
  name: 'name',
  nom: 'name',
  nombre: 'name',
  recipient: 'name',
  destinataire: 'name',
  destinatario: 'name',
  organisation: 'organisation',
  organization: 'organisation',
  organisme: 'organisation',
  organización: 'organisation',
  organizacion: 'organisation',
  delegation: 'organisation',
  délégation: 'organisation',
  delegación: 'organisation',
  delegacion: 'organisation',
  language: 'language',
  langue: 'language',
  idioma: 'language',
  lengua: 'language',
};

interface Field {
  text: string;
  line: number;
  column: number;
}

/** The rows of a CSV text, each field with where it starts; a quote out of place is a problem. */
function rows(text: string, problems: ValidationProblem[]): Field[][] {
  const out: Field[][] = [];
  let row: Field[] = [];
  let line = 1;
  let column = 1;
  let i = 0;
  const n = text.length;
  while (i <= n) {
    const start = { line, column };
    let value = '';
    if (text[i] === '"') {
      i++;
      column++;
      let closed = false;
      while (i < n) {
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            column += 2;
            continue;
          }
          i++;
          column++;
          closed = true;
          break;
        }
        value += c;
        i++;
        if (c === '\n') {
          line++;
          column = 1;
        } else {
          column++;
        }
      }
      if (!closed) {
        problems.push({ path: [], key: 'recipients.unclosedQuote', values: start });
        return out;
      }
      // After the closing quote: the end of the field, nothing else.
      if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        problems.push({ path: [], key: 'recipients.afterQuote', values: { line, column } });
        while (i < n && text[i] !== ',' && text[i] !== '\n') {
          i++;
          column++;
        }
      }
    } else {
      let stray = false;
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        // Named once a field: the first quote is where the field went wrong.
        if (text[i] === '"' && !stray) {
          problems.push({ path: [], key: 'recipients.strayQuote', values: { line, column } });
          stray = true;
        }
        value += text[i];
        i++;
        column++;
      }
    }
    row.push({ text: value, ...start });
    if (i >= n) {
      out.push(row);
      break;
    }
    const c = text[i]!;
    if (c === ',') {
      i++;
      column++;
      continue;
    }
    // A line end: CRLF or LF (a CR alone ends the line too, as old spreadsheets save it).
    i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line++;
    column = 1;
    out.push(row);
    row = [];
    if (i >= n) break;
  }
  return out;
}

/** The recipients of a CSV file's bytes, or every problem found (by line and column). */
export function parseRecipientsCsv(bytes: Uint8Array): { recipients: Recipient[]; problems: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  let text: string;
  try {
    text = decodeUtf8(bytes, 'recipients');
  } catch (error) {
    if (!isAppError(error) || error.code !== 'import.invalidUtf8') throw error;
    const { line, column } = error.params as { line: number; column: number };
    return { recipients: [], problems: [{ path: [], key: 'recipients.notUtf8', values: { line, column } }] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const all = rows(text, problems).filter((r) => !(r.length === 1 && r[0]!.text.trim() === ''));
  if (problems.length > 0) return { recipients: [], problems: problems.slice(0, MAX_PROBLEMS) };
  if (all.length === 0) return { recipients: [], problems: [{ path: [], key: 'recipients.empty', values: {} }] };

  const header = all[0]!;
  const columns: (Column | null)[] = [];
  for (const [index, field] of header.entries()) {
    const name = field.text.trim().toLowerCase();
    const column = HEADERS[name] ?? null;
    if (column === null) problems.push({ path: [], key: 'recipients.unknownColumn', values: { line: field.line, column: index + 1, value: field.text.trim().slice(0, 40) } });
    else if (columns.includes(column)) problems.push({ path: [], key: 'recipients.repeatedColumn', values: { line: field.line, column: index + 1, value: field.text.trim() } });
    columns.push(column);
  }
  if (!columns.includes('name')) problems.push({ path: [], key: 'recipients.noNameColumn', values: { line: 1 } });
  if (problems.length > 0) return { recipients: [], problems };

  const recipients: Recipient[] = [];
  const seen = new Map<string, number>();
  for (const row of all.slice(1)) {
    const line = row[0]!.line;
    if (row.length !== columns.length) {
      problems.push({ path: [], key: 'recipients.fieldCount', values: { line, count: row.length, expected: columns.length } });
      continue;
    }
    const value = (c: Column) => {
      const index = columns.indexOf(c);
      return index < 0 ? null : { text: row[index]!.text.replace(/\s+/g, ' ').trim(), column: index + 1 };
    };
    const name = value('name')!;
    const organisation = value('organisation');
    const language = value('language');
    let ok = true;
    if (!name.text) {
      problems.push({ path: [], key: 'recipients.noName', values: { line, column: name.column } });
      ok = false;
    } else if (name.text.length > MAX_RECIPIENT_NAME) {
      problems.push({ path: [], key: 'recipients.nameTooLong', values: { line, column: name.column, max: MAX_RECIPIENT_NAME } });
      ok = false;
    }
    if (organisation && organisation.text.length > MAX_RECIPIENT_NAME) {
      problems.push({ path: [], key: 'recipients.nameTooLong', values: { line, column: organisation.column, max: MAX_RECIPIENT_NAME } });
      ok = false;
    }
    const lang = language?.text.toLowerCase() ?? '';
    if (lang && !isLocale(lang)) {
      problems.push({ path: [], key: 'recipients.badLanguage', values: { line, column: language!.column, value: language!.text.slice(0, 20) } });
      ok = false;
    }
    if (!ok) continue;
    const label = recipientLabel({ name: name.text, organisation: organisation?.text || null });
    if (label.length > MAX_RECIPIENT_NAME) {
      problems.push({ path: [], key: 'recipients.labelTooLong', values: { line, max: MAX_RECIPIENT_NAME } });
      continue;
    }
    const earlier = seen.get(label.toLowerCase());
    if (earlier !== undefined) {
      problems.push({ path: [], key: 'recipients.repeated', values: { line, name: label, first: earlier } });
      continue;
    }
    seen.set(label.toLowerCase(), line);
    recipients.push({ line, name: name.text, organisation: organisation?.text || null, language: lang ? (lang as Locale) : null });
  }
  if (recipients.length + problems.length === 0) problems.push({ path: [], key: 'recipients.empty', values: {} });
  if (recipients.length > MAX_RECIPIENTS_CSV) problems.push({ path: [], key: 'recipients.tooMany', values: { count: recipients.length, max: MAX_RECIPIENTS_CSV } });
  return problems.length > 0 ? { recipients: [], problems: problems.slice(0, MAX_PROBLEMS) } : { recipients, problems };
}

/** How a copy names its recipient (footers, the distribution record): "Name (Organisation)". */
export function recipientLabel(r: { name: string; organisation: string | null }): string {
  return r.organisation ? `${r.name} (${r.organisation})` : r.name;
}
