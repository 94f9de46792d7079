/**
 * Retention is counted in Paris calendar days: an identity whose last workshop ended on
 * 14 March 2025 (Paris) with a 12-month period is purged on 14 March 2026, from midnight Paris
 * time, and kept on 13 March. A month added to the 31st lands on the last day of a shorter
 * month (31 January + 1 month = 28 or 29 February), never in the month after.
 */
import { PARIS_TIME_ZONE } from '../time/paris-time.js';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: PARIS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Paris calendar day of an ISO instant: `YYYY-MM-DD`. */
export function parisDay(iso: string | Date): string {
  return dayFormat.format(typeof iso === 'string' ? new Date(iso) : iso);
}

/** `day` plus `months` calendar months, clamped to the last day of the month reached. */
export function addMonthsToDay(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** The day an identity is purged: its last activity's Paris day plus the retention period. */
export function purgeDay(lastActivityIso: string, months: number): string {
  return addMonthsToDay(parisDay(lastActivityIso), months);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
