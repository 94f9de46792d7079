/**
 * How the rows of the attendance tables map to the synced fields of their shared record
 * schemas (src-shared/attendance/attendance-records.schema.ts), both ways. One table of
 * field ↔ column per kind, so the outbox payloads, the pull and the snapshot never disagree.
 */
import type { Database } from '../../../db/schema.js';
import { normalizeForSearch } from '../../../src-shared/text.js';

export type AttendanceEntity = 'person' | 'profile' | 'attendance' | 'consent' | 'head_count';
type Kind = 'value' | 'bool';
type FieldMap = readonly (readonly [field: string, column: string, kind?: Kind])[];

export const attendanceTables = {
  person: 'people',
  profile: 'participant_profiles',
  attendance: 'attendances',
  consent: 'consents',
  head_count: 'head_count_entries',
} as const satisfies Record<AttendanceEntity, keyof Database>;

const deleted = ['deletedAt', 'deleted_at'] as const;

export const attendanceFieldMaps: Record<AttendanceEntity, FieldMap> = {
  person: [['name', 'name'], ['email', 'email'], ['phone', 'phone'], ['citizenCardNumber', 'citizen_card_number'], deleted],
  profile: [
    ['workshopId', 'workshop_id'],
    ['ageBracket', 'age_bracket'],
    ['residence', 'residence'],
    ['residenceArrondissement', 'residence_arrondissement'],
    ['residenceCommune', 'residence_commune'],
    ['livesInQpv', 'lives_in_qpv'],
    ['gender', 'gender'],
    ['occupationCategory', 'occupation_category'],
    ['firstParticipation', 'first_participation'],
    ['neighbourhoodCouncilMember', 'neighbourhood_council_member'],
    ['associationMember', 'association_member'],
    ['associationName', 'association_name'],
    deleted,
  ],
  attendance: [
    ['workshopId', 'workshop_id'],
    ['personId', 'person_id'],
    ['profileId', 'profile_id'],
    ['status', 'status'],
    ['source', 'source'],
    ['checkedInAt', 'checked_in_at'],
    ['recordedBy', 'recorded_by'],
    deleted,
  ],
  consent: [
    ['attendanceId', 'attendance_id'],
    ['purpose', 'purpose'],
    ['granted', 'granted', 'bool'],
    ['textVersion', 'text_version'],
    ['recordedAt', 'recorded_at'],
    ['recordedBy', 'recorded_by'],
    deleted,
  ],
  head_count: [['workshopId', 'workshop_id'], ['delta', 'delta'], ['recordedAt', 'recorded_at'], deleted],
};

/** The whole record as the portal holds it, from a local row. */
export function snapshotOf(entity: AttendanceEntity, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, column, kind] of attendanceFieldMaps[entity]) {
    out[field] = kind === 'bool' ? row[column] === 1 : row[column];
  }
  return out;
}

/** Column values for these synced fields, leaving out `keepLocal` (fields with changes still waiting). */
export function columnsOf(
  entity: AttendanceEntity,
  fields: Record<string, unknown>,
  keepLocal: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, column, kind] of attendanceFieldMaps[entity]) {
    if (!(field in fields) || keepLocal.has(field)) continue;
    out[column] = kind === 'bool' ? (fields[field] ? 1 : 0) : fields[field];
  }
  // The search column follows the name and email, whichever side changed them.
  if (entity === 'person' && 'name' in out && 'email' in out) {
    out.search_text = personSearchText(out.name as string | null, out.email as string | null);
  }
  return out;
}

/** What the check-in search matches: the name and the email, normalised (accents, case). */
export function personSearchText(name: string | null, email: string | null): string {
  return normalizeForSearch(`${name ?? ''} ${email ?? ''}`);
}

/** The fields whose value differs between two snapshots (all of `after` for a create). */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (!before || JSON.stringify(before[key]) !== JSON.stringify(value)) out[key] = value;
  }
  return out;
}
