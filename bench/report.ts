/** The benchmark's table, for the terminal and for docs/performance.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Summary } from './stats.js';

export interface Row {
  measure: string;
  /** Human-readable target, e.g. "< 150 ms". */
  target: string;
  summary: Summary | null;
  /** Which statistic the target is judged on (shown in the table). */
  judgedOn: string;
  met: boolean | null;
  /** Overrides the verdict when a target has parts met and parts not. */
  verdict?: string;
  note?: string;
}

const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(2) : x.toFixed(1));
const verdict = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'NOT met');

function cells(r: Row): string[] {
  return [r.measure, r.target, ms(r.summary?.p50), ms(r.summary?.p95), ms(r.summary?.p99), String(r.summary?.n ?? 0), r.verdict ?? `${verdict(r.met)} (${r.judgedOn})`, r.note ?? ''];
}
const HEAD = ['Measure', 'Target', 'p50 ms', 'p95 ms', 'p99 ms', 'n', 'Verdict', 'Note'];

export function terminalTable(rows: readonly Row[]): string {
  const all = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join(' │ ');
  return [line(HEAD), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map((r) => line(cells(r)))].join('\n');
}

export function markdownTable(rows: readonly Row[]): string {
  const esc = (c: string) => c.replace(/\|/g, '\\|');
  return [
    `| ${HEAD.join(' | ')} |`,
    `|${HEAD.map((_, i) => (i >= 2 && i <= 5 ? ' ---: ' : ' --- ')).join('|')}|`,
    ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`),
  ].join('\n');
}

export const RESULTS_START = '<!-- bench:results:start -->';
export const RESULTS_END = '<!-- bench:results:end -->';

/** Replaces the generated results section of the doc, keeping the hand-written text around it. */
export function writeResults(docPath: string, section: string): void {
  const block = `${RESULTS_START}\n${section.trim()}\n${RESULTS_END}`;
  const current = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Performance\n\n';
  const start = current.indexOf(RESULTS_START);
  const end = current.indexOf(RESULTS_END);
  const next =
    start >= 0 && end > start ? current.slice(0, start) + block + current.slice(end + RESULTS_END.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(docPath, next);
}
