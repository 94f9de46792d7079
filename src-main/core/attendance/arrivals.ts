/**
 * The two ways someone arrives, shared by check-in, walk-in, paper entry and consents asked
 * afterwards, inside the caller's unit of work: on an existing attendance, or as a new one.
 */
import type { AttendanceRow } from '#db/schema.js';
import { attendanceTransitions, type ConsentInput } from '#shared/attendance/attendance.schema.js';
import { hasIdentity, type PersonIdentity, type Profile } from '#shared/attendance/participant.schema.js';
import { fail, ok, type Result } from '#shared/result.js';
import type { UnitOfWork } from '../store/synced-write.js';
import { attendanceCodec } from './attendance.codecs.js';
import { addHeadCount, checkProfileAllowed, insertConsents, insertPerson, insertProfile, studyChoice, tombstoneProfile } from './attendance-writes.js';

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
export async function arriveRegistered(w: UnitOfWork, row: AttendanceRow, a: Arrival, path: string): Promise<Result<string>> {
  const status = row.status;
  if (status !== 'present' && !attendanceTransitions[status].includes('present')) {
    return fail('invalid_transition', `A ${status} attendance cannot be checked in`);
  }
  if (status === 'present' && a.source !== 'paper' && !a.amend) return fail('invalid_transition', 'Already checked in');
  const earlier = await w.trx
    .selectFrom('consents')
    .select('granted')
    .where('attendance_id', '=', row.id)
    .where('purpose', '=', 'study')
    .where('deleted_at', 'is', null)
    .orderBy('recorded_at', 'desc')
    .executeTakeFirst();
  const allowed = checkProfileAllowed(a.profile, studyChoice(a.consents), earlier?.granted === 1, path);
  if (!allowed.ok) return allowed;
  await insertConsents(w, row.id, a.consents, a.recordedBy);
  let profileId = row.profile_id;
  if (studyChoice(a.consents) === false && profileId) {
    await tombstoneProfile(w, profileId);
    profileId = null;
  }
  if (a.profile) {
    if (profileId) await tombstoneProfile(w, profileId);
    profileId = await insertProfile(w, row.workshop_id, a.profile);
  }
  const updated = await w.update(attendanceCodec, row.id, () =>
    ok({ status: 'present', checkedInAt: row.checked_in_at ?? w.at, recordedBy: a.recordedBy, profileId }),
  );
  return updated.ok ? ok(row.id) : updated;
}

/**
 * Someone not registered. Without identity and without the study, nothing about them is
 * kept but +1 in the anonymous count.
 */
export async function arriveNew(w: UnitOfWork, workshopId: string, a: Arrival, path: string): Promise<Result<string | null>> {
  const study = studyChoice(a.consents);
  const allowed = checkProfileAllowed(a.profile, study, false, path);
  if (!allowed.ok) return allowed;
  if (!hasIdentity(a.person) && study !== true) {
    await addHeadCount(w, workshopId, 1);
    return ok(null);
  }
  const personId = hasIdentity(a.person) ? await insertPerson(w, a.person) : null;
  const profileId = a.profile ? await insertProfile(w, workshopId, a.profile) : null;
  const { id } = await w.insert(attendanceCodec, {
    fields: { workshopId, personId, profileId, status: 'present', source: a.source, checkedInAt: w.at, recordedBy: a.recordedBy },
  });
  // Consents of someone who gave neither identity nor profile would describe nobody.
  await insertConsents(w, id, personId || profileId ? a.consents : [], a.recordedBy);
  return ok(id);
}

