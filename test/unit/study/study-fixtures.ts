/**
 * Study fixture rows written straight into the core's database file (the attendance and
 * proposal services are other helpers' work; the study only reads their tables). Not a test.
 */
import type { SqliteDatabase } from '#core/store/open-database.js';
import { randomUUID } from 'node:crypto';

const AT = '2026-03-14T18:00:00.000Z';
const sync = { created_at: AT, updated_at: AT, version: 1, deleted_at: null as string | null };

export interface ProfileFixture {
  age_bracket: string;
  residence: string;
  residence_arrondissement: number | null;
  lives_in_qpv: string;
  gender: string | null;
  first_participation: string;
  neighbourhood_council_member: string;
  association_member: string;
  /** Free text the person typed; the study must never show it. */
  residence_commune?: string | null;
  association_name?: string | null;
  occupation_category?: string;
}

export const baseProfile: ProfileFixture = {
  age_bracket: '26_40',
  residence: 'paris',
  residence_arrondissement: 18,
  lives_in_qpv: 'yes',
  gender: 'femme',
  first_participation: 'yes',
  neighbourhood_council_member: 'no',
  association_member: 'no',
};

function insert(db: SqliteDatabase, table: string, row: Record<string, unknown>) {
  const cols = Object.keys(row);
  db.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
}

/** A checked-in person; with a profile when `profile` is given (they agreed to the study). */
export function addAttendance(
  db: SqliteDatabase,
  workshopId: string,
  profile: Partial<ProfileFixture> | null,
  options: { status?: string; deleted?: boolean; profileDeleted?: boolean; personName?: string } = {},
): { attendanceId: string; profileId: string | null } {
  let profileId: string | null = null;
  if (profile) {
    profileId = randomUUID();
    insert(db, 'participant_profiles', {
      id: profileId,
      workshop_id: workshopId,
      residence_commune: null,
      occupation_category: 'employed',
      association_name: null,
      ...baseProfile,
      ...profile,
      ...sync,
      deleted_at: options.profileDeleted ? AT : null,
    });
  }
  let personId: string | null = null;
  if (options.personName) {
    personId = randomUUID();
    insert(db, 'people', { id: personId, name: options.personName, email: 'zoe.unique@example.org', phone: '0612345678', citizen_card_number: 'CC123456', search_text: '', ...sync });
  }
  const attendanceId = randomUUID();
  insert(db, 'attendances', {
    id: attendanceId,
    workshop_id: workshopId,
    person_id: personId,
    profile_id: profileId,
    status: options.status ?? 'present',
    source: 'walk_in',
    checked_in_at: AT,
    recorded_by: 'Camille Martin',
    ...sync,
    deleted_at: options.deleted ? AT : null,
  });
  return { attendanceId, profileId };
}

export function addHeadCount(db: SqliteDatabase, workshopId: string, delta: number, deleted = false) {
  insert(db, 'head_count_entries', { id: randomUUID(), workshop_id: workshopId, delta, recorded_at: AT, ...sync, deleted_at: deleted ? AT : null });
}

export function addProposal(
  db: SqliteDatabase,
  workshopId: string,
  fields: { theme_code?: string; neighbourhood_class?: string; lon?: number | null; lat?: number | null; deleted?: boolean; title?: string; proposer_name?: string | null } = {},
): string {
  const id = randomUUID();
  const qpv = (fields.neighbourhood_class ?? 'qpv') === 'qpv';
  insert(db, 'proposals', {
    id,
    workshop_id: workshopId,
    kind: 'proposal',
    title: fields.title ?? 'Des bancs au square Léon',
    description: 'Pour s’asseoir à l’ombre.',
    theme_code: fields.theme_code ?? 'cadre-de-vie',
    location_type: 'arrondissement',
    arrondissement: 18,
    address_label: '2 rue Léon, 75018 Paris',
    address_id: null,
    lon: fields.lon === undefined ? 2.3551 : fields.lon,
    lat: fields.lat === undefined ? 48.8873 : fields.lat,
    neighbourhood_class: fields.neighbourhood_class ?? 'qpv',
    qpv_code: qpv ? 'QN07518M' : null,
    estimated_cost_cents: 1_250_000,
    running_costs_cents: null,
    proposer_type: 'collective',
    proposer_name: fields.proposer_name ?? null,
    proposer_attendance_ids: '[]',
    proposed_before: 'no',
    accessible_to_disabled: 'yes',
    status: 'draft',
    merged_into: null,
    photos: '[]',
    captured_at: AT,
    ...sync,
    deleted_at: fields.deleted ? AT : null,
  });
  return id;
}

export function addSupport(db: SqliteDatabase, workshopId: string, proposalId: string, profileId: string | null, dots = 1) {
  insert(db, 'supports', {
    id: randomUUID(),
    proposal_id: proposalId,
    workshop_id: workshopId,
    profile_id: profileId,
    method: 'dot',
    dots,
    grade: null,
    recorded_at: AT,
    ...sync,
  });
}
