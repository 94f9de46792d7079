/**
 * The check-in search, kept in memory per workshop so that each keystroke costs a scan of
 * short strings instead of a join and a sort in SQLite (issue 4: p95 < 30 ms with 100,000
 * people). A stale list is never searched:
 * - SQLite's `total_changes()` of the core's one connection grows with every write (ours, a
 *   pulled page, anything): unchanged, the list is still right;
 * - otherwise only the attendances and people updated since the list was read are read again
 *   (indexed on updated_at; `>=` so that a write in the same millisecond is not missed) and
 *   patched in, so a check-in in a list of thousands costs milliseconds, not a reload;
 * - a list older than a minute is read whole again, which bounds what a clock set back
 *   (rows written with an older updated_at) could ever hide.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '#db/schema.js';
import type { AttendanceStatus, SearchHit } from '#shared/attendance/attendance.schema.js';
import { normalizeForSearch } from '#shared/text.js';

interface Entry {
  attendanceId: string;
  name: string | null;
  email: string | null;
  status: AttendanceStatus;
  /** ' ' + search_text, so a word start is always ' ' + word. */
  text: string;
  statusRank: number;
}

interface Built {
  changes: number;
  /** performance.now() when the list was read whole. */
  readAt: number;
  /** The newest updated_at seen among the workshop's attendances, and among all people. */
  attendancesSince: string;
  peopleSince: string;
  entries: Entry[];
}

/** People still expected first, then those marked absent (they may come late), then present. */
const STATUS_RANK: Partial<Record<AttendanceStatus, number>> = { registered: 0, no_show: 1, present: 2 };
const KEEP_WORKSHOPS = 3;
const REREAD_AFTER_MS = 60_000;

interface Row {
  id: string;
  status: AttendanceStatus;
  a_deleted: string | null;
  a_updated: string;
  name: string | null;
  email: string | null;
  search_text: string;
  p_deleted: string | null;
  p_updated: string;
}

const toEntry = (r: Row): Entry | null =>
  r.a_deleted === null && r.p_deleted === null && STATUS_RANK[r.status] !== undefined
    ? { attendanceId: r.id, name: r.name, email: r.email, status: r.status, text: ` ${r.search_text}`, statusRank: STATUS_RANK[r.status]! }
    : null;

const byText = (a: Entry, b: Entry) => (a.text < b.text ? -1 : a.text > b.text ? 1 : a.attendanceId < b.attendanceId ? -1 : 1);

export function createCheckInSearch(db: Kysely<Database>) {
  const built = new Map<string, Built>();

  const columns = [
    'a.id',
    'a.status',
    'a.deleted_at as a_deleted',
    'a.updated_at as a_updated',
    'p.name',
    'p.email',
    'p.search_text',
    'p.deleted_at as p_deleted',
    'p.updated_at as p_updated',
  ] as const;
  const joined = () => db.selectFrom('attendances as a').innerJoin('people as p', 'p.id', 'a.person_id').select(columns);
  /** People first: SQLite keeps the order of a CROSS JOIN, so the few people changed drive the query. */
  const changedPeople = (since: string, workshopId: string) =>
    db
      .selectFrom('people as p')
      .crossJoin('attendances as a')
      .whereRef('a.person_id', '=', 'p.id')
      .where('p.updated_at', '>=', since)
      .where('a.workshop_id', '=', workshopId)
      .select(columns);

  function newest(rows: readonly Row[], since: Pick<Built, 'attendancesSince' | 'peopleSince'>) {
    let { attendancesSince, peopleSince } = since;
    for (const r of rows) {
      if (r.a_updated > attendancesSince) attendancesSince = r.a_updated;
      if (r.p_updated > peopleSince) peopleSince = r.p_updated;
    }
    return { attendancesSince, peopleSince };
  }

  async function build(workshopId: string, changes: number): Promise<Built> {
    const rows = (await joined().where('a.workshop_id', '=', workshopId).execute()) as Row[];
    const entries = rows.map(toEntry).filter((e): e is Entry => e !== null).sort(byText);
    // Start the people watermark at the newest person anywhere, not at the beginning of time.
    const top = await db.selectFrom('people').select((eb) => eb.fn.max('updated_at').as('at')).executeTakeFirst();
    return { changes, readAt: performance.now(), ...newest(rows, { attendancesSince: '', peopleSince: top?.at ?? '' }), entries };
  }

  async function patch(workshopId: string, old: Built, changes: number): Promise<Built> {
    const [ofWorkshop, ofPeople] = await Promise.all([
      joined().where('a.workshop_id', '=', workshopId).where('a.updated_at', '>=', old.attendancesSince).execute(),
      changedPeople(old.peopleSince, workshopId).execute(),
    ]);
    const rows = [...ofWorkshop, ...ofPeople] as Row[];
    if (rows.length === 0) return { ...old, changes };
    const touched = new Set(rows.map((r) => r.id));
    const fresh = new Map<string, Entry>();
    for (const r of rows) {
      const e = toEntry(r);
      if (e) fresh.set(e.attendanceId, e);
    }
    const entries = old.entries.filter((e) => !touched.has(e.attendanceId));
    // Many rows at once (a bulk import sharing one timestamp): a sort beats many insertions.
    if (fresh.size > 64) return { ...old, changes, ...newest(rows, old), entries: [...entries, ...fresh.values()].sort(byText) };
    for (const e of fresh.values()) {
      // Binary search for the place that keeps the list alphabetical.
      let lo = 0;
      let hi = entries.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (byText(entries[mid]!, e) < 0) lo = mid + 1;
        else hi = mid;
      }
      entries.splice(lo, 0, e);
    }
    return { ...old, changes, ...newest(rows, old), entries };
  }

  async function entriesOf(workshopId: string): Promise<Entry[]> {
    const changes = Number((await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0]!.n);
    const cached = built.get(workshopId);
    if (cached && cached.changes === changes) return cached.entries;
    const fresh = cached && performance.now() - cached.readAt < REREAD_AFTER_MS;
    const next = fresh ? await patch(workshopId, cached, changes) : await build(workshopId, changes);
    built.delete(workshopId);
    built.set(workshopId, next);
    // Keep the few workshops of the day; the least recently used goes first.
    while (built.size > KEEP_WORKSHOPS) built.delete(built.keys().next().value!);
    return next.entries;
  }

  /**
   * Every word typed must start a word of the name or email. Order: status (expected first),
   * then names starting with the first word, then alphabetical. The entries are already in
   * alphabetical order, so each of the six tiers fills in order, and the scan stops as soon as
   * the first tier is full.
   */
  async function search(workshopId: string, query: string, limit: number): Promise<SearchHit[]> {
    const words = normalizeForSearch(query).split(' ').filter(Boolean).slice(0, 6);
    if (words.length === 0) return [];
    const starts = words.map((w) => ` ${w}`);
    const tiers: Entry[][] = Array.from({ length: 6 }, () => []);
    for (const e of await entriesOf(workshopId)) {
      if (!starts.every((s) => e.text.includes(s))) continue;
      const tier = e.statusRank * 2 + (e.text.startsWith(starts[0]!) ? 0 : 1);
      if (tiers[tier]!.length < limit) tiers[tier]!.push(e);
      if (tiers[0]!.length >= limit) break;
    }
    return tiers
      .flat()
      .slice(0, limit)
      .map((e) => ({ attendanceId: e.attendanceId, name: e.name, email: e.email, status: e.status }));
  }

  return { search };
}
