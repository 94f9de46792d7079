/**
 * The building blocks of every arrival, shared by check-in, walk-in and paper entry, all
 * inside the caller's transaction: the person, the consents, the profile and the head count.
 * The consent rule lives here, once: no profile is stored without a granted study consent,
 * and withdrawing the study consent tombstones the profile.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ConsentInput } from '../../../src-shared/attendance/attendance.schema.js';
import { ATTENDANCE_LIMITS } from '../../../src-shared/attendance/attendance.schema.js';
import type { PersonIdentity, Profile } from '../../../src-shared/attendance/participant.schema.js';
import { fail, ok, type Result } from '../../../src-shared/result.js';
import { personSearchText } from './attendance.codecs.js';
import { findSynced, insertSynced, updateSynced, type WriteClock } from './attendance-write.repository.js';

type Trx = Transaction<Database>;

/** The study consent this arrival grants, refuses, or leaves as it was (undefined). */
export function studyChoice(consents: readonly ConsentInput[]): boolean | undefined {
  return consents.find((c) => c.purpose === 'study')?.granted;
}

/**
 * Refuses a profile unless the study consent is granted, now or earlier on this attendance.
 * The UI hides the questions too, but the rule is the core's: a caller that skips the UI
 * cannot store a profile.
 */
export function checkProfileAllowed(profile: Profile | null, consentNow: boolean | undefined, consentBefore = false, path = 'profile'): Result<null> {
  if (profile === null) return ok(null);
  const granted = consentNow ?? consentBefore;
  return granted
    ? ok(null)
    : fail('forbidden', 'A study profile needs the study consent of the person', { [path]: 'validation.profileNeedsStudyConsent' });
}

export async function insertPerson(trx: Trx, person: PersonIdentity, clock: WriteClock): Promise<string> {
  const id = clock.newId();
  await insertSynced(
    trx,
    'person',
    id,
    {
      name: person.name,
      email: person.email,
      phone: person.phone,
      citizen_card_number: person.citizenCardNumber,
      search_text: personSearchText(person.name, person.email),
    },
    clock,
  );
  return id;
}

export async function insertProfile(trx: Trx, workshopId: string, p: Profile, clock: WriteClock): Promise<string> {
  const id = clock.newId();
  await insertSynced(
    trx,
    'profile',
    id,
    {
      workshop_id: workshopId,
      age_bracket: p.ageBracket,
      residence: p.residence,
      residence_arrondissement: p.residenceArrondissement,
      residence_commune: p.residenceCommune,
      lives_in_qpv: p.livesInQpv,
      gender: p.gender,
      occupation_category: p.occupationCategory,
      first_participation: p.firstParticipation,
      neighbourhood_council_member: p.neighbourhoodCouncilMember,
      association_member: p.associationMember,
      association_name: p.associationName,
    },
    clock,
  );
  return id;
}

/** One consent row per purpose given, with the text version, the time and who recorded it. */
export async function insertConsents(
  trx: Trx,
  attendanceId: string,
  consents: readonly ConsentInput[],
  recordedBy: string,
  clock: WriteClock,
): Promise<void> {
  for (const c of consents) {
    await insertSynced(
      trx,
      'consent',
      clock.newId(),
      {
        attendance_id: attendanceId,
        purpose: c.purpose,
        granted: c.granted ? 1 : 0,
        text_version: c.textVersion,
        recorded_at: clock.at,
        recorded_by: recordedBy,
      },
      clock,
    );
  }
}

/** Tombstones a profile (study consent withdrawn, or the attendance removed). */
export async function tombstoneProfile(trx: Trx, profileId: string, clock: WriteClock): Promise<void> {
  const row = await findSynced(trx, 'profile', profileId);
  if (row && row.deleted_at === null) await updateSynced(trx, 'profile', profileId, { deleted_at: clock.at }, clock);
}

/** Anonymous +n / −n as append-only entries, each within the synced step limit. */
export async function addHeadCount(trx: Trx, workshopId: string, delta: number, clock: WriteClock): Promise<void> {
  let left = delta;
  while (left !== 0) {
    const step = Math.sign(left) * Math.min(Math.abs(left), ATTENDANCE_LIMITS.headCountStep);
    await insertSynced(trx, 'head_count', clock.newId(), { workshop_id: workshopId, delta: step, recorded_at: clock.at }, clock);
    left -= step;
  }
}
