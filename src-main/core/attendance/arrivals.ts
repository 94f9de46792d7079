/**
 * The two ways someone arrives, shared by check-in, walk-in, paper entry and consents asked
 * afterwards, inside the caller's transaction: on an existing attendance, or as a new one.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { attendanceTransitions, type AttendanceStatus, type ConsentInput } from '../../../src-shared/attendance/attendance.schema.js';
import { hasIdentity, type PersonIdentity, type Profile } from '../../../src-shared/attendance/participant.schema.js';
import { fail, ok, type Result } from '../../../src-shared/result.js';
import { insertSynced, updateSynced, type WriteClock } from './attendance-write.repository.js';
import { addHeadCount, checkProfileAllowed, insertConsents, insertPerson, insertProfile, studyChoice, tombstoneProfile } from './attendance-writes.js';

type Trx = Transaction<Database>;

export interface Arrival {
  attendanceId: string | null;
  person: PersonIdentity | null;
  consents: readonly ConsentInput[];
  profile: Profile | null;
  recordedBy: string;
  source: 'walk_in' | 'paper';
  /** Consents or profile added for someone already present (not a second arrival). */
  amend?: boolean;
}

/** Consents and profile of an arrival on an existing attendance, then it is present. */
export async function arriveRegistered(trx: Trx, c: WriteClock, row: Record<string, unknown>, a: Arrival, path: string): Promise<Result<string>> {
  const status = row.status as AttendanceStatus;
  if (status !== 'present' && !attendanceTransitions[status].includes('present')) {
    return fail('invalid_transition', `A ${status} attendance cannot be checked in`);
  }
  if (status === 'present' && a.source !== 'paper' && !a.amend) return fail('invalid_transition', 'Already checked in');
  const earlier = await trx
    .selectFrom('consents')
    .select('granted')
    .where('attendance_id', '=', row.id as string)
    .where('purpose', '=', 'study')
    .where('deleted_at', 'is', null)
    .orderBy('recorded_at', 'desc')
    .executeTakeFirst();
  const allowed = checkProfileAllowed(a.profile, studyChoice(a.consents), earlier?.granted === 1, path);
  if (!allowed.ok) return allowed;
  await insertConsents(trx, row.id as string, a.consents, a.recordedBy, c);
  let profileId = row.profile_id as string | null;
  if (studyChoice(a.consents) === false && profileId) {
    await tombstoneProfile(trx, profileId, c);
    profileId = null;
  }
  if (a.profile) {
    if (profileId) await tombstoneProfile(trx, profileId, c);
    profileId = await insertProfile(trx, row.workshop_id as string, a.profile, c);
  }
  await updateSynced(
    trx,
    'attendance',
    row.id as string,
    { status: 'present', checked_in_at: row.checked_in_at ?? c.at, recorded_by: a.recordedBy, profile_id: profileId },
    c,
  );
  return ok(row.id as string);
}

/**
 * Someone not registered. Without identity and without the study, nothing about them is
 * kept but +1 in the anonymous count.
 */
export async function arriveNew(trx: Trx, c: WriteClock, workshopId: string, a: Arrival, path: string): Promise<Result<string | null>> {
  const study = studyChoice(a.consents);
  const allowed = checkProfileAllowed(a.profile, study, false, path);
  if (!allowed.ok) return allowed;
  if (!hasIdentity(a.person) && study !== true) {
    await addHeadCount(trx, workshopId, 1, c);
    return ok(null);
  }
  const personId = hasIdentity(a.person) ? await insertPerson(trx, a.person, c) : null;
  const profileId = a.profile ? await insertProfile(trx, workshopId, a.profile, c) : null;
  const id = c.newId();
  await insertSynced(
    trx,
    'attendance',
    id,
    {
      workshop_id: workshopId,
      person_id: personId,
      profile_id: profileId,
      status: 'present',
      source: a.source,
      checked_in_at: c.at,
      recorded_by: a.recordedBy,
    },
    c,
  );
  // Consents of someone who gave neither identity nor profile would describe nobody.
  await insertConsents(trx, id, personId || profileId ? a.consents : [], a.recordedBy, c);
  return ok(id);
}

