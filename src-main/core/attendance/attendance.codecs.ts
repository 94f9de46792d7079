/**
 * How the attendance tables hold their shared records (src-shared/attendance/attendance-records.schema.ts)
 * and how they travel. Identity (`person`) and the anonymous `profile` are separate kinds with
 * separate scopes; a profile carries no person id. Labels name what a person recognises in a
 * list of rejected changes without showing more personal data than the screens already do.
 */
import type {
  AttendanceRecord,
  ConsentRecord,
  HeadCountRecord,
  PersonRecord,
  ProfileRecord,
} from '#shared/attendance/attendance-records.schema.js';
import type { AttendanceSource, AttendanceStatus } from '#shared/attendance/attendance.schema.js';
import type { ConsentPurpose } from '#shared/attendance/consent-texts.js';
import type { AgeBracket, OccupationCategory, Residence, YesNoUnknown } from '#shared/attendance/participant.schema.js';
import { normalizeForSearch } from '#shared/text.js';
import { bool, column, defineCodec, int, nullable, text, type Stored } from '../store/codec.js';

/** What the check-in search matches: the name and the email, normalised (accents, case). */
export function personSearchText(name: string | null, email: string | null): string {
  return normalizeForSearch(`${name ?? ''} ${email ?? ''}`);
}

const deletedAt = column('deleted_at', nullable(text()));
const short = (id: string) => id.slice(0, 8);

export const personCodec = defineCodec<Stored<PersonRecord>, 'people'>()({
  entity: 'person',
  table: 'people',
  changedEvent: 'attendance:changed',
  fields: {
    name: column('name', nullable(text())),
    email: column('email', nullable(text())),
    phone: column('phone', nullable(text())),
    citizenCardNumber: column('citizen_card_number', nullable(text())),
    deletedAt,
  },
  local: ['id', 'version'],
  // The search column follows the name and email, whichever side changed them.
  derived: (row) => ({ search_text: personSearchText(row.name, row.email) }),
  label: (p) => ({ key: 'syncCenter.records.person', values: { name: p.name ?? p.email ?? short(p.id) } }),
  // Wiped by an erasure and by the retention purge (src-main/core/people/).
  personal: { subject: 'person', fields: ['name', 'email', 'phone', 'citizenCardNumber'], searchColumn: 'search_text' },
});

const yesNo = text<YesNoUnknown>();

export const profileCodec = defineCodec<Stored<ProfileRecord>, 'participant_profiles'>()({
  entity: 'profile',
  table: 'participant_profiles',
  changedEvent: 'attendance:changed',
  eventId: (p) => p.workshopId,
  fields: {
    workshopId: column('workshop_id', text()),
    ageBracket: column('age_bracket', text<AgeBracket>()),
    residence: column('residence', text<Residence>()),
    residenceArrondissement: column('residence_arrondissement', nullable(int)),
    residenceCommune: column('residence_commune', nullable(text())),
    livesInQpv: column('lives_in_qpv', yesNo),
    gender: column('gender', nullable(text())),
    occupationCategory: column('occupation_category', text<OccupationCategory>()),
    firstParticipation: column('first_participation', yesNo),
    neighbourhoodCouncilMember: column('neighbourhood_council_member', yesNo),
    associationMember: column('association_member', yesNo),
    associationName: column('association_name', nullable(text())),
    deletedAt,
  },
  local: ['id', 'version'],
  label: (p) => ({ key: 'syncCenter.records.profile', values: { id: short(p.id) } }),
});

export const attendanceCodec = defineCodec<Stored<AttendanceRecord>, 'attendances'>()({
  entity: 'attendance',
  table: 'attendances',
  changedEvent: 'attendance:changed',
  eventId: (a) => a.workshopId,
  fields: {
    workshopId: column('workshop_id', text()),
    personId: column('person_id', nullable(text())),
    profileId: column('profile_id', nullable(text())),
    status: column('status', text<AttendanceStatus>()),
    source: column('source', text<AttendanceSource>()),
    checkedInAt: column('checked_in_at', nullable(text())),
    recordedBy: column('recorded_by', text()),
    deletedAt,
  },
  local: ['id', 'version'],
  label: (a) => ({ key: 'syncCenter.records.attendance', values: { id: short(a.id), status: a.status } }),
});

export const consentCodec = defineCodec<Stored<ConsentRecord>, 'consents'>()({
  entity: 'consent',
  table: 'consents',
  changedEvent: 'attendance:changed',
  fields: {
    attendanceId: column('attendance_id', text()),
    purpose: column('purpose', text<ConsentPurpose>()),
    granted: column('granted', bool),
    textVersion: column('text_version', text()),
    recordedAt: column('recorded_at', text()),
    recordedBy: column('recorded_by', text()),
    deletedAt,
  },
  local: ['id', 'version'],
  label: (c) => ({ key: 'syncCenter.records.consent', values: { purpose: c.purpose, version: c.textVersion } }),
});

export const headCountCodec = defineCodec<Stored<HeadCountRecord>, 'head_count_entries'>()({
  entity: 'head_count',
  table: 'head_count_entries',
  changedEvent: 'attendance:changed',
  eventId: (h) => h.workshopId,
  fields: {
    workshopId: column('workshop_id', text()),
    delta: column('delta', int),
    recordedAt: column('recorded_at', text()),
    deletedAt,
  },
  local: ['id', 'version'],
  label: (h) => ({ key: 'syncCenter.records.head_count', values: { delta: `${h.delta > 0 ? '+' : ''}${h.delta}` } }),
});
