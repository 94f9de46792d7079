/**
 * Workshops happen in Paris. Stored times are ISO-8601 UTC; people type and read
 * wall-clock times in Europe/Paris. These helpers convert between the two, whatever the
 * time zone of the laptop they run on.
 */
import { TZDate } from '@date-fns/tz';

export const PARIS_TIME_ZONE = 'Europe/Paris';

/** A wall-clock time in Paris as typed in a form: `2026-03-14T18:30`. */
export const PARIS_LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Paris wall-clock `YYYY-MM-DDTHH:mm` → ISO UTC, or null if it is not a real date. */
export function parisLocalToUtc(local: string): string | null {
  const m = PARIS_LOCAL_PATTERN.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const date = new TZDate(year, month - 1, day, hour, minute, 0, PARIS_TIME_ZONE);
  // Reject 31 February and the like: the date must not have rolled over.
  if (date.getDate() !== day || date.getMonth() !== month - 1) return null;
  return new Date(date.getTime()).toISOString();
}

/** ISO UTC → Paris wall-clock `YYYY-MM-DDTHH:mm`, as a datetime-local input wants it. */
export function utcToParisLocal(iso: string): string {
  const d = new TZDate(new Date(iso).getTime(), PARIS_TIME_ZONE);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
