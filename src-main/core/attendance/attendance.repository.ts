/**
 * The reads of the check-in screen: a workshop's attendances with names and consents, the
 * counts in the room, and the search-as-you-type. Tombstoned rows are never read.
 */
import { sql } from 'kysely';
import type {
  AttendanceStatus,
  AttendanceView,
  RoomCounts,
} from '#shared/attendance/attendance.schema.js';
import type { ConsentPurpose } from '#shared/attendance/consent-texts.js';
import type { Executor } from '../store/executor.js';

type ConsentState = AttendanceView['consents']['contact'];

/** The latest live consent per attendance and purpose: what the person last said. */
async function latestConsents(db: Executor, attendanceIds: readonly string[]) {
  const out = new Map<string, Record<ConsentPurpose, ConsentState>>();
  for (let i = 0; i < attendanceIds.length; i += 500) {
    const rows = await db
      .selectFrom('consents')
      .selectAll()
      .where('attendance_id', 'in', attendanceIds.slice(i, i + 500))
      .where('deleted_at', 'is', null)
      .orderBy('recorded_at')
      .orderBy('created_at')
      .execute();
    for (const row of rows) {
      const entry = out.get(row.attendance_id) ?? { contact: null, study: null };
      entry[row.purpose] = {
        granted: row.granted === 1,
        textVersion: row.text_version,
        recordedAt: row.recorded_at,
        recordedBy: row.recorded_by,
      };
      out.set(row.attendance_id, entry);
    }
  }
  return out;
}

function attendanceQuery(db: Executor) {
  return db
    .selectFrom('attendances as a')
    .leftJoin('people as p', (join) => join.onRef('p.id', '=', 'a.person_id').on('p.deleted_at', 'is', null))
    .where('a.deleted_at', 'is', null)
    .select([
      'a.id',
      'a.workshop_id',
      'a.person_id',
      'a.profile_id',
      'a.status',
      'a.source',
      'a.checked_in_at',
      'a.recorded_by',
      'a.version',
      'p.name',
      'p.email',
    ]);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof attendanceQuery>['execute']>>[number];

async function toViews(db: Executor, rows: readonly JoinedRow[]): Promise<AttendanceView[]> {
  const consents = await latestConsents(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    workshopId: r.workshop_id,
    personId: r.person_id,
    name: r.name ?? null,
    email: r.email ?? null,
    status: r.status,
    source: r.source,
    checkedInAt: r.checked_in_at,
    recordedBy: r.recorded_by,
    hasProfile: r.profile_id !== null,
    consents: consents.get(r.id) ?? { contact: null, study: null },
    version: r.version,
  }));
}

/** A workshop's attendances: still expected first, then present, then the others; by name. */
export async function listAttendanceViews(db: Executor, workshopId: string): Promise<AttendanceView[]> {
  const rows = await attendanceQuery(db)
    .where('a.workshop_id', '=', workshopId)
    .orderBy(sql`case a.status when 'registered' then 0 when 'present' then 1 else 2 end`)
    .orderBy(sql`coalesce(p.name, '')`)
    .orderBy('a.created_at')
    .execute();
  return toViews(db, rows);
}

export async function findAttendanceView(db: Executor, attendanceId: string): Promise<AttendanceView | undefined> {
  const rows = await attendanceQuery(db).where('a.id', '=', attendanceId).execute();
  return (await toViews(db, rows))[0];
}

export async function roomCounts(db: Executor, workshopId: string): Promise<RoomCounts> {
  const byStatus = await db
    .selectFrom('attendances')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('profile_id').as('profiles')])
    .where('workshop_id', '=', workshopId)
    .where('deleted_at', 'is', null)
    .groupBy('status')
    .execute();
  const head = await db
    .selectFrom('head_count_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('delta'), eb.val(0)).as('n'))
    .where('workshop_id', '=', workshopId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  const n = (status: AttendanceStatus) => Number(byStatus.find((r) => r.status === status)?.n ?? 0);
  // Two laptops correcting at once could push the sum below zero; nobody is fewer than nobody.
  const anonymous = Math.max(0, Number(head.n));
  return {
    registered: n('registered'),
    present: n('present'),
    anonymous,
    total: n('present') + anonymous,
    cancelled: n('cancelled'),
    noShow: n('no_show'),
    profiles: Number(byStatus.find((r) => r.status === 'present')?.profiles ?? 0),
  };
}

/** Registered people for the sign-in sheet, by name. */
export async function sheetNames(db: Executor, workshopId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('attendances as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select('p.name')
    .where('a.workshop_id', '=', workshopId)
    .where('a.deleted_at', 'is', null)
    .where('p.deleted_at', 'is', null)
    .where('p.name', 'is not', null)
    .where('a.status', 'in', ['registered', 'present'])
    .orderBy('p.search_text')
    .execute();
  // The name only: a sheet lying on a table must not show emails or phone numbers.
  return rows.map((r) => r.name ?? '');
}

/** The workshop and anonymous profile of a live attendance (a support is recorded under the profile). */
export async function findAttendanceProfile(db: Executor, attendanceId: string) {
  return db
    .selectFrom('attendances')
    .select(['profile_id', 'workshop_id'])
    .where('id', '=', attendanceId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Everything the attendance holds about one person, removed rows included (the rights of the
 * people recorded, src-main/core/people/): their attendances, every consent of those, and the
 * anonymous profiles those attendances link to.
 */
export async function personAttendanceRecords(db: Executor, personId: string) {
  const attendances = await db.selectFrom('attendances').selectAll().where('person_id', '=', personId).orderBy('created_at').execute();
  const ids = attendances.map((a) => a.id);
  const profileIds = attendances.map((a) => a.profile_id).filter((p): p is string => p !== null);
  const consents = ids.length === 0 ? [] : await db.selectFrom('consents').selectAll().where('attendance_id', 'in', ids).orderBy('recorded_at').execute();
  const profiles = profileIds.length === 0 ? [] : await db.selectFrom('participant_profiles').selectAll().where('id', 'in', profileIds).execute();
  return { attendances, consents, profiles };
}
