/**
 * Reads the City's CSV file in the browser into its header and its records, each with the
 * file's own line number, without losing any: a quoted field may hold the delimiter, quotes
 * and line breaks. The records are sent as they are (the core parses them with the header's
 * delimiter); they go in chunks of consecutive lines so that the core numbers each refusal
 * with the file's line. A record over the core's limit is refused here, with its line.
 */
import { CARD_LIMITS } from '#shared/citizen-card/citizen-card.schema.js';

export interface CsvRecord {
  /** The file's line where the record starts (the header is line 1). */
  line: number;
  text: string;
}
export interface CsvFile {
  header: string[];
  delimiter: ',' | ';';
  records: CsvRecord[];
}
export interface Chunk {
  firstLine: number;
  lines: string[];
}

/** Splits a text into records at line breaks outside quotes; blank lines are skipped. */
export function splitRecords(text: string): CsvRecord[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let inQuotes = false;
  let start = 0;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i <= body.length; i++) {
    const c = body[i];
    if (c === '"') inQuotes = !inQuotes;
    else if ((c === '\n' && !inQuotes) || i === body.length) {
      const raw = body.slice(start, i).replace(/\r$/, '');
      if (raw.trim() !== '') records.push({ line: startLine, text: raw });
      start = i + 1;
      line += 1;
      startLine = line;
      continue;
    }
    if (c === '\n') line += 1;
  }
  return records;
}

/** The header's delimiter: semicolons (French spreadsheets) or commas, whichever it has more of. */
export function detectDelimiter(headerLine: string): ',' | ';' {
  const count = (d: string) => headerLine.split(d).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** One record's fields (quotes removed, doubled quotes kept as one). */
export function parseFields(record: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < record.length; i++) {
    const c = record[i];
    if (inQuotes) {
      if (c === '"' && record[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else field += c;
    } else if (c === '"') inQuotes = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

export function readCsv(text: string): CsvFile | null {
  const [head, ...records] = splitRecords(text);
  if (!head) return null;
  const delimiter = detectDelimiter(head.text);
  return { header: parseFields(head.text, delimiter), delimiter, records };
}

/**
 * Chunks of at most `size` consecutive lines (a record spanning lines, a skipped blank line or
 * a refused long record starts a new chunk), and the records too long to send.
 */
export function chunksOf(records: readonly CsvRecord[], size: number): { chunks: Chunk[]; tooLong: CsvRecord[] } {
  const chunks: Chunk[] = [];
  const tooLong: CsvRecord[] = [];
  let current: Chunk | null = null;
  for (const r of records) {
    if (r.text.length > CARD_LIMITS.importLine || r.text.includes('\n')) {
      // A record with a line break inside quotes is sent alone, so its number stays exact.
      if (r.text.length > CARD_LIMITS.importLine) {
        tooLong.push(r);
        current = null;
        continue;
      }
      chunks.push({ firstLine: r.line, lines: [r.text] });
      current = null;
      continue;
    }
    if (current && current.firstLine + current.lines.length === r.line && current.lines.length < size) current.lines.push(r.text);
    else {
      current = { firstLine: r.line, lines: [r.text] };
      chunks.push(current);
    }
  }
  return { chunks, tooLong };
}

/** The report of refused lines, for a spreadsheet: `;`-separated, quoted, with a BOM for Excel. */
export function reportCsv(header: string, rows: readonly { line: number; reason: string; value: string }[]): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `\ufeff${header}\r\n${rows.map((r) => `${r.line};${quote(r.reason)};${quote(r.value)}`).join('\r\n')}\r\n`;
}
