/**
 * A moment as people read it in print, in Paris time: « mardi 1 décembre 2026, 1 h 46 » in
 * French (UX.md: « mardi 14 mars, 18 h 30 », with the year on paper that outlives the evening),
 * « Tuesday 1 December 2026, 01:46 » in English. For the PDFs the core writes; the screens
 * have their own formatters (src-renderer/app/format.ts).
 */
import { localeOf, type Language } from '../i18n/languages.js';
import { PARIS_TIME_ZONE } from './paris-time.js';

export function parisDateTimeText(iso: string, language: Language): string {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat(localeOf[language], {
    timeZone: PARIS_TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  for (const p of format.formatToParts(new Date(iso))) parts[p.type] = p.value;
  const time = language === 'fr' ? `${Number(parts.hour)}\u00a0h\u00a0${parts.minute}` : `${parts.hour}:${parts.minute}`;
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}, ${time}`;
}
