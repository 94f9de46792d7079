/**
 * Attendance at a workshop: pre-registration, check-in, walk-ins, the anonymous head count,
 * cancel / no-show and their undo, paper sheets typed afterwards. Every write goes through
 * the attendance store (row + outbox in one transaction), then `attendance:changed` is emitted.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import {
  attendanceTransitions,
  type ArrivalResult,
  type AttendanceStatus,
  type AttendanceView,
} from '../../../src-shared/attendance/attendance.schema.js';
import { hasIdentity } from '../../../src-shared/attendance/participant.schema.js';
import type { CommandParsedInput } from '../../../src-shared/contract.js';
import { fail, ok, type Result } from '../../../src-shared/result.js';
import type { ServiceDeps } from '../deps.js';
import { findAttendanceView, listAttendanceViews, roomCounts } from './attendance.repository.js';
import { findSynced, insertSynced, updateSynced, type WriteClock } from './attendance-write.repository.js';
import { findWorkshopRow } from '../workshops/workshops.repository.js';
import { createCheckInSearch } from './check-in-search.js';
import { addHeadCount, insertConsents, insertPerson, tombstoneProfile } from './attendance-writes.js';
import { arriveNew, arriveRegistered, type Arrival } from './arrivals.js';

type Trx = Transaction<Database>;
type Door = 'door' | 'after';

export function createAttendanceService(deps: ServiceDeps) {
  const { db, now, newId, emit } = deps;
  const clock = (): WriteClock => ({ at: now().toISOString(), newId });
  const checkInSearch = createCheckInSearch(db);

  /** At the door the workshop must be planned or open; afterwards (paper, undo) only not cancelled. */
  async function workshopAllows(trx: Trx | typeof db, workshopId: string, when: Door): Promise<Result<null>> {
    const w = await findWorkshopRow(trx, workshopId);
    if (!w || w.deleted_at !== null) return fail('not_found', `No workshop ${workshopId}`);
    if (w.status === 'cancelled' || (when === 'door' && w.status === 'closed')) {
      return fail('invalid_transition', `A ${w.status} workshop takes no ${when === 'door' ? 'arrivals' : 'changes'}`);
    }
    return ok(null);
  }

  /** Runs `body` in one transaction and emits the change of this workshop when it succeeded. */
  async function write<T>(workshopId: string, body: (trx: Trx, c: WriteClock) => Promise<Result<T>>): Promise<Result<T>> {
    const c = clock();
    // A refused rule rolls back everything the body wrote before finding it.
    const outcome = await db
      .transaction()
      .execute(async (trx) => {
        const result = await body(trx, c);
        if (!result.ok) throw new Refused(result);
        return result;
      })
      .catch((error: unknown) => {
        if (error instanceof Refused) return error.result as Result<T>;
        throw error;
      });
    if (outcome.ok) emit('attendance:changed', { id: workshopId });
    return outcome;
  }

  async function arrivalResult(workshopId: string, attendanceId: string | null): Promise<ArrivalResult> {
    return {
      attendance: attendanceId ? (await findAttendanceView(db, attendanceId)) ?? null : null,
      counts: await roomCounts(db, workshopId),
    };
  }

  /** A status change on a registered person (cancel, no-show, undo), at the expected transition. */
  async function setStatus(input: CommandParsedInput<'attendance:cancel'>, to: AttendanceStatus): Promise<Result<AttendanceView>> {
    const row = await findSynced(db, 'attendance', input.attendanceId);
    if (!row || row.deleted_at !== null) return fail('not_found', `No attendance ${input.attendanceId}`);
    const workshopId = row.workshop_id as string;
    const result = await write(workshopId, async (trx, c) => {
      const allowed = await workshopAllows(trx, workshopId, 'after');
      if (!allowed.ok) return allowed;
      const current = (await findSynced(trx, 'attendance', input.attendanceId))!;
      const from = current.status as AttendanceStatus;
      if (!attendanceTransitions[from].includes(to) || (to === 'registered' && current.source !== 'pre_registered')) {
        return fail('invalid_transition', `A ${from} attendance cannot become ${to}`);
      }
      const checkedIn = to === 'present' ? c.at : null;
      await updateSynced(trx, 'attendance', input.attendanceId, { status: to, checked_in_at: checkedIn, recorded_by: input.recordedBy }, c);
      return ok(null);
    });
    return result.ok ? ok((await findAttendanceView(db, input.attendanceId))!) : result;
  }

  return {
    async list({ workshopId }: CommandParsedInput<'attendance:list'>) {
      const w = await findWorkshopRow(db, workshopId);
      if (!w) return fail('not_found', `No workshop ${workshopId}`);
      return ok({ items: await listAttendanceViews(db, workshopId), counts: await roomCounts(db, workshopId) });
    },

    async counts({ workshopId }: CommandParsedInput<'attendance:counts'>) {
      return ok(await roomCounts(db, workshopId));
    },

    async search({ workshopId, query, limit }: CommandParsedInput<'attendance:search'>) {
      return ok({ items: await checkInSearch.search(workshopId, query, limit) });
    },

    async register(input: CommandParsedInput<'attendance:register'>): Promise<Result<AttendanceView>> {
      if (!hasIdentity(input.person)) return fail('validation', 'A registration needs a name or a contact', { 'person.name': 'validation.nameOrContact' });
      const id = newId();
      const result = await write(input.workshopId, async (trx, c) => {
        const allowed = await workshopAllows(trx, input.workshopId, 'door');
        if (!allowed.ok) return allowed;
        const personId = await insertPerson(trx, input.person, c);
        const row = { workshop_id: input.workshopId, person_id: personId, profile_id: null, status: 'registered', source: 'pre_registered', checked_in_at: null, recorded_by: input.recordedBy };
        await insertSynced(trx, 'attendance', id, row, c);
        // A registration holds no study answers yet: only the contact consent is recorded here.
        await insertConsents(trx, id, input.consents.filter((x) => x.purpose === 'contact'), input.recordedBy, c);
        return ok(null);
      });
      return result.ok ? ok((await findAttendanceView(db, id))!) : result;
    },

    async checkIn(input: CommandParsedInput<'attendance:check-in'>): Promise<Result<ArrivalResult>> {
      const row = await findSynced(db, 'attendance', input.attendanceId);
      if (!row || row.deleted_at !== null) return fail('not_found', `No attendance ${input.attendanceId}`);
      const workshopId = row.workshop_id as string;
      const result = await write(workshopId, async (trx, c) => {
        const allowed = await workshopAllows(trx, workshopId, 'door');
        if (!allowed.ok) return allowed;
        const current = (await findSynced(trx, 'attendance', input.attendanceId))!;
        return arriveRegistered(trx, c, current, { ...input, attendanceId: input.attendanceId, person: null, source: 'walk_in' }, 'profile');
      });
      return result.ok ? ok(await arrivalResult(workshopId, result.value)) : result;
    },

    /** Consents (and the profile, with study consent) asked after a quick check-in. */
    async recordConsent(input: CommandParsedInput<'attendance:record-consent'>): Promise<Result<ArrivalResult>> {
      const row = await findSynced(db, 'attendance', input.attendanceId);
      if (!row || row.deleted_at !== null) return fail('not_found', `No attendance ${input.attendanceId}`);
      const workshopId = row.workshop_id as string;
      const result = await write(workshopId, async (trx, c) => {
        const allowed = await workshopAllows(trx, workshopId, 'after');
        if (!allowed.ok) return allowed;
        const current = (await findSynced(trx, 'attendance', input.attendanceId))!;
        return arriveRegistered(trx, c, current, { ...input, person: null, source: 'walk_in', amend: true }, 'profile');
      });
      return result.ok ? ok(await arrivalResult(workshopId, result.value)) : result;
    },

    async walkIn(input: CommandParsedInput<'attendance:walk-in'>): Promise<Result<ArrivalResult>> {
      const result = await write(input.workshopId, async (trx, c) => {
        const allowed = await workshopAllows(trx, input.workshopId, 'door');
        if (!allowed.ok) return allowed;
        return arriveNew(trx, c, input.workshopId, { ...input, attendanceId: null, source: 'walk_in' }, 'profile');
      });
      return result.ok ? ok(await arrivalResult(input.workshopId, result.value)) : result;
    },

    async headCount({ workshopId, delta }: CommandParsedInput<'attendance:head-count'>) {
      const result = await write(workshopId, async (trx, c) => {
        const allowed = await workshopAllows(trx, workshopId, 'door');
        if (!allowed.ok) return allowed;
        if ((await roomCounts(trx, workshopId)).anonymous + delta < 0) {
          return fail('invalid_transition', 'The anonymous count cannot go below zero');
        }
        await addHeadCount(trx, workshopId, delta, c);
        return ok(null);
      });
      return result.ok ? ok(await roomCounts(db, workshopId)) : result;
    },

    cancel: (input: CommandParsedInput<'attendance:cancel'>) => setStatus(input, 'cancelled'),
    noShow: (input: CommandParsedInput<'attendance:no-show'>) => setStatus(input, 'no_show'),
    reinstate: (input: CommandParsedInput<'attendance:reinstate'>) => setStatus(input, 'registered'),

    /** Tombstones, never DELETE: the attendance, its consents, its profile, and its person if no other attendance names them. */
    async remove(input: CommandParsedInput<'attendance:remove'>): Promise<Result<AttendanceView>> {
      const before = await findAttendanceView(db, input.attendanceId);
      if (!before) return fail('not_found', `No attendance ${input.attendanceId}`);
      const result = await write(before.workshopId, async (trx, c) => {
        const row = (await findSynced(trx, 'attendance', input.attendanceId))!;
        await updateSynced(trx, 'attendance', input.attendanceId, { deleted_at: c.at, recorded_by: input.recordedBy }, c);
        const consents = await trx.selectFrom('consents').select('id').where('attendance_id', '=', input.attendanceId).where('deleted_at', 'is', null).execute();
        for (const consent of consents) await updateSynced(trx, 'consent', consent.id, { deleted_at: c.at }, c);
        if (row.profile_id) await tombstoneProfile(trx, row.profile_id as string, c);
        const personId = row.person_id as string | null;
        if (personId) {
          const others = await trx.selectFrom('attendances').select('id').where('person_id', '=', personId).where('deleted_at', 'is', null).executeTakeFirst();
          if (!others) await updateSynced(trx, 'person', personId, { deleted_at: c.at }, c);
        }
        return ok(null);
      });
      return result.ok ? ok(before) : result;
    },

    async paperEntry(input: CommandParsedInput<'attendance:paper-entry'>) {
      let recorded = 0;
      const result = await write(input.workshopId, async (trx, c) => {
        const allowed = await workshopAllows(trx, input.workshopId, 'after');
        if (!allowed.ok) return allowed;
        for (const [i, row] of input.rows.entries()) {
          const arrival: Arrival = { ...row, recordedBy: input.recordedBy, source: 'paper' };
          const path = `rows.${i}.profile`;
          let done: Result<unknown>;
          if (row.attendanceId) {
            const existing = await findSynced(trx, 'attendance', row.attendanceId);
            done =
              existing && existing.deleted_at === null && existing.workshop_id === input.workshopId
                ? await arriveRegistered(trx, c, existing, arrival, path)
                : fail('not_found', `No attendance ${row.attendanceId} in this workshop`, { [`rows.${i}.attendanceId`]: 'validation.invalid' });
          } else {
            done = await arriveNew(trx, c, input.workshopId, arrival, path);
          }
          if (!done.ok) return done;
          recorded++;
        }
        if (input.anonymous > 0) await addHeadCount(trx, input.workshopId, input.anonymous, c);
        return ok(null);
      });
      return result.ok ? ok({ recorded, counts: await roomCounts(db, input.workshopId) }) : result;
    },

    async signInSheet({ workshopId, locale }: CommandParsedInput<'attendance:sign-in-sheet'>) {
      const w = await findWorkshopRow(db, workshopId);
      if (!w || w.deleted_at !== null) return fail('not_found', `No workshop ${workshopId}`);
      // pdf-lib loads on the first sheet, not with the core: start-up stays fast.
      const { buildSignInSheet } = await import('./sign-in-sheet.js');
      return ok(await buildSignInSheet(db, w, locale));
    },
  };
}

/** Carries a refused rule out of the transaction so that it rolls back. */
class Refused extends Error {
  constructor(readonly result: Result<unknown>) {
    super('refused');
  }
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;
