/**
 * Attendance at a workshop: pre-registration, check-in, walk-ins, the anonymous head count,
 * cancel / no-show and their undo, paper sheets typed afterwards. Every write goes through
 * the write funnel (rows + outbox in one transaction), then `attendance:changed` is emitted
 * with the workshop's id.
 */
import {
  attendanceTransitions,
  type ArrivalResult,
  type AttendanceStatus,
  type AttendanceView,
} from '#shared/attendance/attendance.schema.js';
import { hasIdentity } from '#shared/attendance/participant.schema.js';
import type { CommandParsedInput } from '#shared/contract.js';
import { fail, ok, type Result } from '#shared/result.js';
import { kindAllows } from '#shared/workshops/workshop-kinds.js';
import type { ServiceDeps } from '../deps.js';
import type { Executor } from '../store/executor.js';
import { findSyncedRow, runWrite, type UnitOfWork } from '../store/synced-write.js';
import { findWorkshopRow } from '../workshops/workshops.repository.js';
import { attendanceCodec, consentCodec, personCodec } from './attendance.codecs.js';
import { findAttendanceView, listAttendanceViews, roomCounts } from './attendance.repository.js';
import { createCheckInSearch } from './check-in-search.js';
import { addHeadCount, insertConsents, insertPerson, tombstoneProfile } from './attendance-writes.js';
import { arriveNew, arriveRegistered, type Arrival } from './arrivals.js';

type Door = 'door' | 'after';

export function createAttendanceService(deps: ServiceDeps) {
  const { db } = deps;
  const checkInSearch = createCheckInSearch(db);

  /** At the door the workshop must be planned or open; afterwards (paper, undo) only not cancelled. */
  async function workshopAllows(trx: Executor, workshopId: string, when: Door): Promise<Result<null>> {
    const w = await findWorkshopRow(trx, workshopId);
    if (!w || w.deleted_at !== null) return fail('not_found', `No workshop ${workshopId}`);
    const offered = kindAllows(w.kind, 'welcomeDesk', 'workshopId');
    if (!offered.ok) return offered;
    if (w.status === 'cancelled' || (when === 'door' && w.status === 'closed')) {
      return fail('invalid_transition', `A ${w.status} workshop takes no ${when === 'door' ? 'arrivals' : 'changes'}`);
    }
    return ok(null);
  }

  /**
   * Runs `body` as one unit of work (a refused rule rolls back everything it wrote before);
   * whichever attendance records changed, the event names this workshop.
   */
  function write<T>(workshopId: string, body: (w: UnitOfWork) => Promise<Result<T>>): Promise<Result<T>> {
    return runWrite(deps, body, { eventIds: { 'attendance:changed': workshopId } });
  }

  async function arrivalResult(workshopId: string, attendanceId: string | null): Promise<ArrivalResult> {
    return {
      attendance: attendanceId ? (await findAttendanceView(db, attendanceId)) ?? null : null,
      counts: await roomCounts(db, workshopId),
    };
  }

  /** An arrival on an attendance already recorded: a registration checked in, consents asked afterwards. */
  async function onRecorded(attendanceId: string, when: Door, arrival: Arrival): Promise<Result<ArrivalResult>> {
    const row = await findSyncedRow(db, attendanceCodec, attendanceId);
    if (!row || row.deleted_at !== null) return fail('not_found', `No attendance ${attendanceId}`);
    const workshopId = row.workshop_id;
    const result = await write(workshopId, async (w) => {
      const allowed = await workshopAllows(w.trx, workshopId, when);
      if (!allowed.ok) return allowed;
      const current = (await w.find(attendanceCodec, attendanceId))!;
      return arriveRegistered(w, current, arrival, 'profile');
    });
    return result.ok ? ok(await arrivalResult(workshopId, result.value)) : result;
  }

  /** A status change on a registered person (cancel, no-show, undo), at the expected transition. */
  async function setStatus(input: CommandParsedInput<'attendance:cancel'>, to: AttendanceStatus): Promise<Result<AttendanceView>> {
    const row = await findSyncedRow(db, attendanceCodec, input.attendanceId);
    if (!row || row.deleted_at !== null) return fail('not_found', `No attendance ${input.attendanceId}`);
    const workshopId = row.workshop_id;
    const result = await write(workshopId, async (w) => {
      const allowed = await workshopAllows(w.trx, workshopId, 'after');
      if (!allowed.ok) return allowed;
      return w.update(attendanceCodec, input.attendanceId, (current) => {
        const from = current.status;
        if (!attendanceTransitions[from].includes(to) || (to === 'registered' && current.source !== 'pre_registered')) {
          return fail('invalid_transition', `A ${from} attendance cannot become ${to}`);
        }
        return ok({ status: to, checkedInAt: to === 'present' ? w.at : null, recordedBy: input.recordedBy });
      });
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
      const id = deps.newId();
      const result = await write(input.workshopId, async (w) => {
        const allowed = await workshopAllows(w.trx, input.workshopId, 'door');
        if (!allowed.ok) return allowed;
        const personId = await insertPerson(w, input.person);
        const fields = { workshopId: input.workshopId, personId, profileId: null, status: 'registered', source: 'pre_registered', checkedInAt: null, recordedBy: input.recordedBy } as const;
        await w.insert(attendanceCodec, { id, fields });
        // A registration holds no study answers yet: only the contact consent is recorded here.
        await insertConsents(w, id, input.consents.filter((x) => x.purpose === 'contact'), input.recordedBy);
        return ok(null);
      });
      return result.ok ? ok((await findAttendanceView(db, id))!) : result;
    },

    async checkIn(input: CommandParsedInput<'attendance:check-in'>): Promise<Result<ArrivalResult>> {
      return onRecorded(input.attendanceId, 'door', { ...input, person: null, source: 'walk_in' });
    },

    /** Consents (and the profile, with study consent) asked after a quick check-in. */
    async recordConsent(input: CommandParsedInput<'attendance:record-consent'>): Promise<Result<ArrivalResult>> {
      return onRecorded(input.attendanceId, 'after', { ...input, person: null, source: 'walk_in', amend: true });
    },

    async walkIn(input: CommandParsedInput<'attendance:walk-in'>): Promise<Result<ArrivalResult>> {
      const result = await write(input.workshopId, async (w) => {
        const allowed = await workshopAllows(w.trx, input.workshopId, 'door');
        if (!allowed.ok) return allowed;
        return arriveNew(w, input.workshopId, { ...input, attendanceId: null, source: 'walk_in' }, 'profile');
      });
      return result.ok ? ok(await arrivalResult(input.workshopId, result.value)) : result;
    },

    async headCount({ workshopId, delta }: CommandParsedInput<'attendance:head-count'>) {
      const result = await write(workshopId, async (w) => {
        const allowed = await workshopAllows(w.trx, workshopId, 'door');
        if (!allowed.ok) return allowed;
        if ((await roomCounts(w.trx, workshopId)).anonymous + delta < 0) {
          return fail('invalid_transition', 'The anonymous count cannot go below zero');
        }
        await addHeadCount(w, workshopId, delta);
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
      const result = await write(before.workshopId, async (w) => {
        const removed = await w.update(attendanceCodec, input.attendanceId, () => ok({ deletedAt: w.at, recordedBy: input.recordedBy }));
        if (!removed.ok) return removed;
        const consents = await w.trx.selectFrom('consents').select('id').where('attendance_id', '=', input.attendanceId).where('deleted_at', 'is', null).execute();
        for (const consent of consents) await w.tombstone(consentCodec, consent.id);
        if (removed.value.profileId) await tombstoneProfile(w, removed.value.profileId);
        const personId = removed.value.personId;
        if (personId) {
          const others = await w.trx.selectFrom('attendances').select('id').where('person_id', '=', personId).where('deleted_at', 'is', null).executeTakeFirst();
          if (!others) await w.tombstone(personCodec, personId);
        }
        return ok(null);
      });
      return result.ok ? ok(before) : result;
    },

    async paperEntry(input: CommandParsedInput<'attendance:paper-entry'>) {
      let recorded = 0;
      const result = await write(input.workshopId, async (w) => {
        const allowed = await workshopAllows(w.trx, input.workshopId, 'after');
        if (!allowed.ok) return allowed;
        for (const [i, row] of input.rows.entries()) {
          const arrival: Arrival = { ...row, recordedBy: input.recordedBy, source: 'paper' };
          const path = `rows.${i}.profile`;
          let done: Result<unknown>;
          if (row.attendanceId) {
            const existing = await w.find(attendanceCodec, row.attendanceId);
            done =
              existing && existing.deleted_at === null && existing.workshop_id === input.workshopId
                ? await arriveRegistered(w, existing, arrival, path)
                : fail('not_found', `No attendance ${row.attendanceId} in this workshop`, { [`rows.${i}.attendanceId`]: 'validation.invalid' });
          } else {
            done = await arriveNew(w, input.workshopId, arrival, path);
          }
          if (!done.ok) return done;
          recorded++;
        }
        if (input.anonymous > 0) await addHeadCount(w, input.workshopId, input.anonymous);
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

export type AttendanceService = ReturnType<typeof createAttendanceService>;
