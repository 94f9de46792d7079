/**
 * French-first formatting. Dates are always shown in Europe/Paris, whatever the laptop's
 * time zone: « mardi 14 mars 2026, 18 h 30 ». Numbers follow the language (« 12 500 »).
 */
import { localeOf, type Language } from '#shared/i18n/languages.js';
import { PARIS_TIME_ZONE } from '#shared/time/paris-time.js';

function parts(iso: string, language: Language, options: Intl.DateTimeFormatOptions) {
  const map: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat(localeOf[language], { timeZone: PARIS_TIME_ZONE, ...options }).formatToParts(new Date(iso))) {
    map[p.type] = p.value;
  }
  return map;
}

/** « 18 h 30 » in French, « 18:30 » in English. */
export function formatTime(iso: string, language: Language): string {
  const p = parts(iso, language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return language === 'fr' ? `${Number(p.hour)}\u00a0h\u00a0${p.minute}` : `${p.hour}:${p.minute}`;
}

/** « mardi 14 mars 2026 » / « Tuesday 14 March 2026 ». */
export function formatDay(iso: string, language: Language): string {
  const p = parts(iso, language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** « mardi 14 mars 2026, 18 h 30 ». */
export function formatDateTime(iso: string, language: Language): string {
  return `${formatDay(iso, language)}, ${formatTime(iso, language)}`;
}

/** « mardi 14 mars 2026, 18 h 30 – 20 h 30 », or both full dates when it spans days. */
export function formatRange(startIso: string, endIso: string, language: Language): string {
  const sameDay = formatDay(startIso, language) === formatDay(endIso, language);
  return sameDay
    ? `${formatDateTime(startIso, language)} – ${formatTime(endIso, language)}`
    : `${formatDateTime(startIso, language)} – ${formatDateTime(endIso, language)}`;
}

export function formatNumber(n: number, language: Language): string {
  return new Intl.NumberFormat(localeOf[language]).format(n);
}
