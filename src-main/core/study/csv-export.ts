/**
 * CSV for French Excel: UTF-8 with a byte-order mark (without it Excel reads Latin-1), `;`
 * between fields (Excel in French uses the comma for decimals), decimal comma, CRLF lines.
 */
import type { TFunction } from 'i18next';
import { countText, type ExportRow } from './export-rows.js';

export const CSV_BOM = '\ufeff';

/**
 * A field as Excel reads it back unchanged: quoted when it holds `;`, a quote or a line break;
 * a text that starts like a formula (= + - @) gets a leading apostrophe so that a gender or a
 * title typed as "=HYPERLINK(…)" is never run by the spreadsheet.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(';'));
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

export function studyCsv(header: readonly string[], rows: readonly ExportRow[], t: TFunction): string {
  return toCsv(
    header,
    rows.map((r) => [r.table, r.category, r.column, countText(r, t), r.share]),
  );
}
