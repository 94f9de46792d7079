/**
 * The local database as Kysely sees it. Nullable columns are `T | null`; JSON columns are
 * text; booleans are 0/1 integers (STRICT tables have no boolean type).
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
// Types only: the enum columns hold the shared enums' values (migrations never import these).
import type { AttendanceSource, AttendanceStatus } from '#shared/attendance/attendance.schema.js';
import type { ConsentPurpose } from '#shared/attendance/consent-texts.js';
import type { AgeBracket, OccupationCategory, Residence, YesNoUnknown } from '#shared/attendance/participant.schema.js';
import type { LocationType, NeighbourhoodClass, ProposalKind, ProposalStatus, ProposerType, TriState } from '#shared/proposals/proposal.schema.js';
import type { Grade, SupportMethod } from '#shared/proposals/support.schema.js';
import type { PbThemeCode } from '#shared/reference/pb-themes.js';
import type { SyncEntity } from '#shared/sync/protocol.schema.js';
import type { ErasureReason } from '#shared/people/rights-records.schema.js';
import type { WorkshopKind, WorkshopStatus } from '#shared/workshops/workshop.schema.js';
import type { PeriodKind, PublicationStatus } from '#shared/publication/publication.schema.js';
import type { ArticleDecision, CharterChannel, ContributionType, ContributorKind } from '#shared/charter/charter.schema.js';
import type {
  AtelierAudience,
  AtelierFormat,
  AtelierTheme,
  HolderSource,
  RegistrationChannel,
  RegistrationStatus,
} from '#shared/citizen-card/citizen-card.schema.js';
import type {
  Availability,
  CampaignStatus,
  CandidateGender,
  CandidateStage,
  CivilServiceCategory,
  TransfoDirection,
} from '#shared/transfo/candidate.schema.js';
import type { CaseState } from '#shared/transfo/case-values.js';
import type { DirectionCode } from '#shared/transfo/directions.js';
import type { DesignMethod } from '#shared/transfo/methods.js';
import type { TrainingAttendanceStatus } from '#shared/transfo/training-sync.schema.js';

export interface WorkshopsTable {
  id: string;
  kind: WorkshopKind;
  title: string;
  /** normalizeForSearch(title): lower-case, accents and punctuation removed. */
  title_search: string;
  description: string;
  starts_at: string;
  ends_at: string;
  venue_name: string;
  venue_address: string;
  arrondissement: number;
  in_qpv: number;
  capacity: number | null;
  /** JSON array of { name, type }. */
  partners: string;
  /** JSON array of names. */
  facilitators: string;
  status: WorkshopStatus;
  minutes: string | null;
  cancel_reason: string | null;
  closed_at: string | null;
  cancelled_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  deleted_at: string | null;
  /** The portal revision this local copy is based on (0: never seen from the portal). */
  synced_revision: ColumnType<number, number | undefined, number>;
}

/**
 * One row per change of a synced table, written in the same transaction as the change.
 * `seq` is the device's increasing sequence number that the portal acknowledges.
 */
export interface OutboxTable {
  seq: Generated<number>;
  change_id: string;
  entity: SyncEntity;
  record_id: string;
  op: 'create' | 'update' | 'delete';
  /** The record's version this change was based on (null for a create). */
  base_version: number | null;
  version: number;
  /** JSON object of the fields this change set, with their new values. */
  payload: string;
  created_at: string;
  /** 'pending' until acknowledged; 'rejected' when the portal refused it (with `rejection`). */
  state: ColumnType<'pending' | 'rejected', 'pending' | 'rejected' | undefined, 'pending' | 'rejected'>;
  rejection: string | null;
  /** The portal revision of the record when this change was made (the merge's base). */
  base_revision: ColumnType<number, number | undefined, number>;
  /** JSON array of fields whose conflict this change settles, or null. */
  resolves: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A same-field conflict the portal flagged, until a person chooses a value. */
export interface SyncConflictsTable {
  entity: SyncEntity;
  record_id: string;
  field: string;
  /** JSON array of { value, deviceId, capturedAt }. */
  candidates: string;
  winner: number;
  revision: number;
}

/** Small key/value facts about this device (its id, sync cursor…). */
export interface DeviceMetaTable {
  key: string;
  value: string;
}

/** A photo or scan stored by content (SHA-256) in the data folder's attachments/. */
export interface AttachmentsTable {
  sha256: string;
  size: number;
  media_type: string;
  created_at: string;
  uploaded_at: string | null;
}

/** Columns every synced table has (migration 0004 on). */
interface SyncedColumns {
  id: string;
  created_at: string;
  updated_at: string;
  version: number;
  deleted_at: string | null;
  synced_revision: ColumnType<number, number | undefined, number>;
}

/** A participant's identity: personal data, every field optional. Never joined into the study. */
export interface PeopleTable extends SyncedColumns {
  name: string | null;
  email: string | null;
  phone: string | null;
  citizen_card_number: string | null;
  /** Local only: normalizeForSearch(name + email), read by the check-in search. */
  search_text: ColumnType<string, string | undefined, string>;
}

/** The anonymous study profile: no person id, no name. */
export interface ParticipantProfilesTable extends SyncedColumns {
  workshop_id: string;
  age_bracket: AgeBracket;
  residence: Residence;
  residence_arrondissement: number | null;
  residence_commune: string | null;
  lives_in_qpv: YesNoUnknown;
  gender: string | null;
  occupation_category: OccupationCategory;
  first_participation: YesNoUnknown;
  neighbourhood_council_member: YesNoUnknown;
  association_member: YesNoUnknown;
  association_name: string | null;
}

export interface AttendancesTable extends SyncedColumns {
  workshop_id: string;
  person_id: string | null;
  profile_id: string | null;
  status: AttendanceStatus;
  source: AttendanceSource;
  checked_in_at: string | null;
  recorded_by: string;
}

export interface ConsentsTable extends SyncedColumns {
  attendance_id: string;
  purpose: ConsentPurpose;
  granted: number;
  text_version: string;
  recorded_at: string;
  recorded_by: string;
}

/** Append-only +1/−1 entries; a workshop's anonymous count is the sum of live ones. */
export interface HeadCountEntriesTable extends SyncedColumns {
  workshop_id: string;
  delta: number;
  recorded_at: string;
}

/** A participatory-budget proposal, or a project made by regroupement (migration 0005). */
export interface ProposalsTable {
  id: string;
  /** The workshop it was captured in; null for a project grouping proposals of several workshops. */
  workshop_id: string | null;
  kind: ProposalKind;
  title: string;
  description: string;
  theme_code: PbThemeCode;
  location_type: LocationType;
  arrondissement: number | null;
  address_label: string | null;
  /** BAN id (cle_interop). */
  address_id: string | null;
  lon: number | null;
  lat: number | null;
  neighbourhood_class: NeighbourhoodClass;
  qpv_code: string | null;
  estimated_cost_cents: number | null;
  running_costs_cents: number | null;
  proposer_type: ProposerType;
  proposer_name: string | null;
  /** JSON array of attendance ids. */
  proposer_attendance_ids: string;
  proposed_before: TriState;
  accessible_to_disabled: TriState;
  status: ProposalStatus;
  /** The project this proposal was grouped into. */
  merged_into: string | null;
  /** JSON array of attachment sha256. */
  photos: string;
  captured_at: string;
  created_at: string;
  updated_at: string;
  version: number;
  deleted_at: string | null;
  synced_revision: ColumnType<number, number | undefined, number>;
}

/** A dot or a majority-judgement grade given to a proposal (migration 0005). */
export interface SupportsTable {
  id: string;
  proposal_id: string;
  workshop_id: string;
  /** The supporter's anonymous study profile, when they consented to the study. */
  profile_id: string | null;
  method: SupportMethod;
  dots: number | null;
  grade: Grade | null;
  recorded_at: string;
  created_at: string;
  updated_at: string;
  version: number;
  deleted_at: string | null;
  synced_revision: ColumnType<number, number | undefined, number>;
}

/** A wiped identity (migration 0007): ids and field names, never personal data. Its id is the subject's. */
export interface ErasuresTable extends SyncedColumns {
  subject_entity: SyncEntity;
  /** JSON array of { entity, recordId, fields }. */
  targets: string;
  reason: ErasureReason;
  erased_at: string;
  /** The actor's name; null for the retention purge and for an erasure re-applied from the journal. */
  erased_by: string | null;
}

/** The lab's settings that every laptop applies (one row, LAB_SETTINGS_ID). */
export interface LabSettingsTable extends SyncedColumns {
  identity_retention_months: number;
}

/** Local: who opened or exported personal data, without the data. */
export interface AccessLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  command: string;
  record_kind: string | null;
  record_id: string | null;
}

/** A chapter of the draft charter (migration 0008). */
export interface CharterChaptersTable extends SyncedColumns {
  position: number;
  title: string;
  summary: string;
}

/** An article of the draft charter, and what the City decided for it. */
export interface CharterArticlesTable extends SyncedColumns {
  chapter_id: string;
  position: number;
  title: string;
  body: string;
  decision: ArticleDecision | null;
  decision_reason: string | null;
  decided_at: string | null;
}

/** A question put to the public, about a chapter or one of its articles. */
export interface CharterQuestionsTable extends SyncedColumns {
  chapter_id: string;
  article_id: string | null;
  position: number;
  prompt: string;
  /** JSON array of ContributionType. */
  accepts: string;
}

/** A theme of the lab's list (contributions are tagged with these only). */
export interface CharterTagsTable extends SyncedColumns {
  label: string;
}

/** A consultation: its period and its channels. */
export interface CharterConsultationsTable extends SyncedColumns {
  title: string;
  description: string;
  opens_on: string;
  closes_on: string;
  /** JSON array of CharterChannel. */
  channels: string;
}

/** One contribution to one question, by channel (an anonymous profile at most). */
export interface CharterContributionsTable extends SyncedColumns {
  consultation_id: string;
  question_id: string;
  channel: CharterChannel;
  type: ContributionType;
  workshop_id: string | null;
  contributor: ContributorKind;
  profile_id: string | null;
  table_label: string | null;
  respondent_key: string;
  agreement: number | null;
  text: string | null;
  base_text: string | null;
  /** JSON array of tag ids. */
  tag_ids: string;
  sheet_number: string | null;
  recorded_at: string;
}

// ---------------------------------------------------------------- Citizen Card ateliers (migration 0009)

/** An atelier type of the Citizen Card catalogue. */
export interface CardAtelierTypesTable extends SyncedColumns {
  title: string;
  description: string;
  theme: AtelierTheme;
  audience: AtelierAudience;
  format: AtelierFormat;
  duration_minutes: number;
  /** JSON array of accessibility features. */
  accessibility: string;
  /** JSON array of language codes. */
  languages: string;
}

/** An occurrence's rules; its id is derived from its workshop's. */
export interface CardOccurrencesTable extends SyncedColumns {
  workshop_id: string;
  atelier_type_id: string;
  places: number;
  /** JSON array of { group, places }. */
  reserved: string;
  walk_ins_allowed: number;
}

/** The announced, then run, draw of an occurrence; its id is derived from the workshop's. */
export interface CardDrawsTable extends SyncedColumns {
  workshop_id: string;
  status: 'announced' | 'drawn';
  algorithm: string;
  draw_date: string;
  seed: string;
  places: number;
  reserved: string;
  /** JSON arrays: the published list; the drawn; the waiting list. */
  entries: string;
  drawn: string;
  waiting: string;
  announced_at: string;
  announced_by: string;
  drawn_at: string | null;
  drawn_by: string | null;
}

/** A freed place given to the head of the waiting list; its id is derived from the freed registration. */
export interface CardPromotionsTable extends SyncedColumns {
  workshop_id: string;
  freed_registration_id: string;
  promoted_registration_id: string;
  promoted_at: string;
  promoted_by: string;
}

/** The card side of an identity (personal): its name and contacts are its person's. */
export interface CardHoldersTable extends SyncedColumns {
  person_id: string;
  card_number: string | null;
  birth_year: number | null;
  arrondissement: number | null;
  contact_consent: number;
  contact_consent_at: string | null;
  source: HolderSource;
  merged_into: string | null;
  listed_at: string | null;
}

/** A holder's registration to an occurrence; its id is derived from (workshop, holder). */
export interface CardRegistrationsTable extends SyncedColumns {
  workshop_id: string;
  holder_id: string;
  channel: RegistrationChannel;
  status: RegistrationStatus;
  /** JSON array of priority groups. */
  groups: string;
  rank: number | null;
  registered_at: string;
  status_changed_at: string;
  recorded_by: string;
}

/** La Transfo: a call for volunteers. */
export interface TransfoCampaignsTable extends SyncedColumns {
  title: string;
  opens_on: string;
  closes_on: string;
  profile_sought: string;
  /** JSON object: the lab's balance rules. */
  balance_rules: string;
  status: CampaignStatus;
  purged_at: string | null;
  purged_by: string | null;
}

/** A candidate of a call; its identity is `people` (person_id), its name and e-mail copied here for the list. */
export interface TransfoCandidatesTable extends SyncedColumns {
  campaign_id: string;
  person_id: string;
  full_name: string | null;
  email: string | null;
  /** Local only: normalizeForSearch(full name + e-mail), the list's order and search. */
  search_text: ColumnType<string, string | undefined, string>;
  direction: TransfoDirection;
  service: string | null;
  category: CivilServiceCategory;
  job: string | null;
  years_in_city: number | null;
  motivation: string | null;
  manager_agreement: number;
  manager_agreed_on: string | null;
  availability: Availability;
  gender: CandidateGender | null;
  meeting_notes: string | null;
  stage: CandidateStage;
  met_by: string | null;
  met_on: string | null;
  not_chosen_reason: string | null;
  keep_for_next_call: number;
  keep_consent_at: string | null;
  stage_changed_at: string;
  stage_changed_by: string;
}

/** One move of a candidate between stages (the first: the application, from null). */
export interface TransfoStageMovesTable extends SyncedColumns {
  campaign_id: string;
  candidate_id: string;
  person_id: string;
  from_stage: CandidateStage | null;
  to_stage: CandidateStage;
  at: string;
  by: string;
  reason: string | null;
}

/** La Transfo: a practical case brought by a City service; its lists are JSON arrays. */
export interface TransfoCasesTable extends SyncedColumns {
  campaign_id: string;
  title: string;
  direction: DirectionCode;
  service: string;
  question: string;
  users_met: string;
  methods: string;
  insights: string;
  prototypes: string;
  decisions: string;
  next_steps: string;
  state: CaseState;
  sessions: string;
  journal: string;
}

/** A module of La Transfo's training: one method of design thinking, for one cohort. */
export interface TransfoModulesTable extends SyncedColumns {
  campaign_id: string;
  method: DesignMethod;
  title: string;
  objectives: string;
  sort_order: number;
}

/** A training session: a `la_transfo_training` workshop's days (JSON) and who ran it (JSON). */
export interface TransfoSessionsTable extends SyncedColumns {
  workshop_id: string;
  campaign_id: string;
  days: string;
  facilitators: string;
  resident_designers: string;
}

/** One agent's attendance on one day of a session; the status is null once they are erased. */
export interface TransfoAttendancesTable extends SyncedColumns {
  session_id: string;
  campaign_id: string;
  day: number;
  candidate_id: string;
  person_id: string;
  status: TrainingAttendanceStatus | null;
}

/** The lab's publication of a month or a year: its text blocks and chosen photos (JSON). */
export interface LabPublicationsTable extends SyncedColumns {
  period_kind: PeriodKind;
  period_key: string;
  title: string;
  blocks: string;
  chosen_photos: string;
  status: PublicationStatus;
  last_published_version: number;
}

/** One published version, never changed: the snapshot (JSON) as published. */
export interface LabPublicationVersionsTable extends SyncedColumns {
  publication_id: string;
  n: number;
  published_at: string;
  published_by: string;
  snapshot: string;
}

export interface Database {
  workshops: WorkshopsTable;
  outbox: OutboxTable;
  device_meta: DeviceMetaTable;
  sync_conflicts: SyncConflictsTable;
  attachments: AttachmentsTable;
  people: PeopleTable;
  participant_profiles: ParticipantProfilesTable;
  attendances: AttendancesTable;
  consents: ConsentsTable;
  head_count_entries: HeadCountEntriesTable;
  proposals: ProposalsTable;
  supports: SupportsTable;
  erasures: ErasuresTable;
  lab_settings: LabSettingsTable;
  access_log: AccessLogTable;
  charter_chapters: CharterChaptersTable;
  charter_articles: CharterArticlesTable;
  charter_questions: CharterQuestionsTable;
  charter_tags: CharterTagsTable;
  charter_consultations: CharterConsultationsTable;
  charter_contributions: CharterContributionsTable;
  card_atelier_types: CardAtelierTypesTable;
  card_occurrences: CardOccurrencesTable;
  card_draws: CardDrawsTable;
  card_promotions: CardPromotionsTable;
  card_holders: CardHoldersTable;
  card_registrations: CardRegistrationsTable;
  transfo_campaigns: TransfoCampaignsTable;
  transfo_candidates: TransfoCandidatesTable;
  transfo_stage_moves: TransfoStageMovesTable;
  transfo_cases: TransfoCasesTable;
  transfo_modules: TransfoModulesTable;
  transfo_sessions: TransfoSessionsTable;
  transfo_attendances: TransfoAttendancesTable;
  lab_publications: LabPublicationsTable;
  lab_publication_versions: LabPublicationVersionsTable;
}

export type WorkshopRow = Selectable<WorkshopsTable>;
export type NewWorkshopRow = Insertable<WorkshopsTable>;
export type WorkshopRowUpdate = Updateable<WorkshopsTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxRow = Insertable<OutboxTable>;
export type PersonRow = Selectable<PeopleTable>;
export type ProfileRow = Selectable<ParticipantProfilesTable>;
export type AttendanceRow = Selectable<AttendancesTable>;
export type ConsentRow = Selectable<ConsentsTable>;
export type HeadCountRow = Selectable<HeadCountEntriesTable>;
export type ProposalRow = Selectable<ProposalsTable>;
export type NewProposalRow = Insertable<ProposalsTable>;
export type ProposalRowUpdate = Updateable<ProposalsTable>;
export type SupportRow = Selectable<SupportsTable>;
export type NewSupportRow = Insertable<SupportsTable>;
