/**
 * The building blocks of every arrival, shared by check-in, walk-in and paper entry, all
 * inside the caller's unit of work: the person, the consents, the profile and the head count.
 * The consent rule lives here, once: no profile is stored without a granted study consent,
 * and withdrawing the study consent tombstones the profile.
 */
import type { ConsentInput } from '#shared/attendance/attendance.schema.js';
import { ATTENDANCE_LIMITS } from '#shared/attendance/attendance.schema.js';
import type { PersonIdentity, Profile } from '#shared/attendance/participant.schema.js';
import { fail, ok, type Result } from '#shared/result.js';
import type { UnitOfWork } from '../store/synced-write.js';
import { consentCodec, headCountCodec, personCodec, profileCodec } from './attendance.codecs.js';

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

export async function insertPerson(w: UnitOfWork, person: PersonIdentity): Promise<string> {
  const { id } = await w.insert(personCodec, {
    fields: { name: person.name, email: person.email, phone: person.phone, citizenCardNumber: person.citizenCardNumber },
  });
  return id;
}

export async function insertProfile(w: UnitOfWork, workshopId: string, p: Profile): Promise<string> {
  const { id } = await w.insert(profileCodec, { fields: { ...p, workshopId } });
  return id;
}

/** One consent row per purpose given, with the text version, the time and who recorded it. */
export async function insertConsents(w: UnitOfWork, attendanceId: string, consents: readonly ConsentInput[], recordedBy: string): Promise<void> {
  for (const c of consents) {
    await w.insert(consentCodec, {
      fields: { attendanceId, purpose: c.purpose, granted: c.granted, textVersion: c.textVersion, recordedAt: w.at, recordedBy },
    });
  }
}

/** Tombstones a profile (study consent withdrawn, or the attendance removed); one already removed stays as it is. */
export async function tombstoneProfile(w: UnitOfWork, profileId: string): Promise<void> {
  await w.tombstone(profileCodec, profileId);
}

/** Anonymous +n / −n as append-only entries, each within the synced step limit. */
export async function addHeadCount(w: UnitOfWork, workshopId: string, delta: number): Promise<void> {
  let left = delta;
  while (left !== 0) {
    const step = Math.sign(left) * Math.min(Math.abs(left), ATTENDANCE_LIMITS.headCountStep);
    await w.insert(headCountCodec, { fields: { workshopId, delta: step, recordedAt: w.at } });
    left -= step;
  }
}
