/**
 * How La Transfo's tables hold their shared records (src-shared/transfo/transfo-sync.schema.ts)
 * and how they travel. A candidate names its person (`people`: name, e-mail) by `personId` and
 * holds a copy of the name and e-mail for the list; these and its own particulars that could single them out are declared personal data of that person, and so
 * is a move's reason: an erasure, the retention purge and the campaign's purge wipe them with the
 * name, the access report lists them. Labels never show a candidate's name.
 */
import type { z } from 'zod';
import type { CampaignBalanceRules, Availability, CampaignStatus, CandidateGender, CandidateStage, CivilServiceCategory, TransfoDirection } from '#shared/transfo/candidate.schema.js';
import type { transfoCampaignRecordSchema, transfoCandidateRecordSchema, transfoStageMoveRecordSchema } from '#shared/transfo/transfo-sync.schema.js';
import { personSearchText } from '../attendance/attendance.codecs.js';
import { bool, column, defineCodec, int, json, nullable, text, type Stored } from '../store/codec.js';

type Full<S extends z.ZodType> = Stored<z.output<S>, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type CampaignRecord = Full<typeof transfoCampaignRecordSchema>;
export type CandidateRecord = Full<typeof transfoCandidateRecordSchema>;
export type StageMoveRecord = Full<typeof transfoStageMoveRecordSchema>;

const deletedAt = column('deleted_at', nullable(text()));
const allLocal = ['id', 'version', 'createdAt', 'updatedAt'] as const;
const short = (id: string) => id.slice(0, 8);

export const transfoCampaignCodec = defineCodec<CampaignRecord, 'transfo_campaigns'>()({
  entity: 'transfo_campaign',
  table: 'transfo_campaigns',
  changedEvent: 'transfo:changed',
  fields: {
    title: column('title', text()),
    opensOn: column('opens_on', text()),
    closesOn: column('closes_on', text()),
    profileSought: column('profile_sought', text()),
    balanceRules: column('balance_rules', json<CampaignBalanceRules>()),
    status: column('status', text<CampaignStatus>()),
    purgedAt: column('purged_at', nullable(text())),
    purgedBy: column('purged_by', nullable(text())),
    deletedAt,
  },
  local: allLocal,
  label: (c) => ({ key: 'syncCenter.records.transfo_campaign', values: { title: c.title } }),
});

export const transfoCandidateCodec = defineCodec<CandidateRecord, 'transfo_candidates'>()({
  entity: 'transfo_candidate',
  table: 'transfo_candidates',
  changedEvent: 'transfo:changed',
  eventId: (c) => c.campaignId,
  fields: {
    campaignId: column('campaign_id', text()),
    personId: column('person_id', text()),
    fullName: column('full_name', nullable(text())),
    email: column('email', nullable(text())),
    direction: column('direction', text<TransfoDirection>()),
    service: column('service', nullable(text())),
    category: column('category', text<CivilServiceCategory>()),
    job: column('job', nullable(text())),
    yearsInCity: column('years_in_city', nullable(int)),
    motivation: column('motivation', nullable(text())),
    managerAgreement: column('manager_agreement', bool),
    managerAgreedOn: column('manager_agreed_on', nullable(text())),
    availability: column('availability', text<Availability>()),
    gender: column('gender', nullable(text<CandidateGender>())),
    meetingNotes: column('meeting_notes', nullable(text())),
    stage: column('stage', text<CandidateStage>()),
    metBy: column('met_by', nullable(text())),
    metOn: column('met_on', nullable(text())),
    notChosenReason: column('not_chosen_reason', nullable(text())),
    keepForNextCall: column('keep_for_next_call', bool),
    keepConsentAt: column('keep_consent_at', nullable(text())),
    stageChangedAt: column('stage_changed_at', text()),
    stageChangedBy: column('stage_changed_by', text()),
    deletedAt,
  },
  local: allLocal,
  // The list's order and search follow the name and e-mail, whichever side changed them.
  derived: (row) => ({ search_text: personSearchText(row.full_name, row.email) }),
  label: (c) => ({ key: 'syncCenter.records.transfo_candidate', values: { id: short(c.id), direction: c.direction } }),
  // The person's data, wiped with them (the copy of the name and e-mail included). Direction,
  // category, availability and stage stay: the campaign's counts, without anyone in them.
  personal: {
    subject: 'person',
    fields: ['fullName', 'email', 'service', 'job', 'yearsInCity', 'motivation', 'managerAgreedOn', 'gender', 'meetingNotes', 'notChosenReason'],
    link: 'personId',
    searchColumn: 'search_text',
  },
});

export const transfoStageMoveCodec = defineCodec<StageMoveRecord, 'transfo_stage_moves'>()({
  entity: 'transfo_stage_move',
  table: 'transfo_stage_moves',
  changedEvent: 'transfo:changed',
  eventId: (m) => m.campaignId,
  fields: {
    campaignId: column('campaign_id', text()),
    candidateId: column('candidate_id', text()),
    personId: column('person_id', text()),
    from: column('from_stage', nullable(text<CandidateStage>())),
    to: column('to_stage', text<CandidateStage>()),
    at: column('at', text()),
    by: column('by', text()),
    reason: column('reason', nullable(text())),
    deletedAt,
  },
  local: allLocal,
  label: (m) => ({ key: 'syncCenter.records.transfo_stage_move', values: { id: short(m.candidateId), to: m.to } }),
  // A reason (« pas de disponibilité le jeudi ») is about the person: wiped with them.
  personal: { subject: 'person', fields: ['reason'], link: 'personId' },
});
