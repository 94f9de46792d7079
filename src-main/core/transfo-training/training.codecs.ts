/**
 * How La Transfo's training tables hold their shared records
 * (src-shared/transfo/training-sync.schema.ts) and how they travel. A module and a session hold
 * no one's personal data: a session's facilitators and resident designers are City staff and
 * contractors named for the work they do (docs/transfo-training.md). An attendance's status is
 * its agent's data (`link: 'personId'`): wiped with the person, by an erasure, the retention
 * purge or the campaign's purge. Labels never show an agent's name.
 */
import type { z } from 'zod';
import type { DesignMethod } from '#shared/transfo/methods.js';
import type {
  SessionDay,
  TrainingAttendanceStatus,
  transfoAttendanceRecordSchema,
  transfoModuleRecordSchema,
  transfoSessionRecordSchema,
} from '#shared/transfo/training-sync.schema.js';
import { column, defineCodec, int, json, nullable, text, type Stored } from '../store/codec.js';

type Full<S extends z.ZodType> = Stored<z.output<S>, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type ModuleRecord = Full<typeof transfoModuleRecordSchema>;
export type SessionRecord = Full<typeof transfoSessionRecordSchema>;
export type AttendanceRecord = Full<typeof transfoAttendanceRecordSchema>;

const deletedAt = column('deleted_at', nullable(text()));
const allLocal = ['id', 'version', 'createdAt', 'updatedAt'] as const;
const short = (id: string) => id.slice(0, 8);

export const transfoModuleCodec = defineCodec<ModuleRecord, 'transfo_modules'>()({
  entity: 'transfo_module',
  table: 'transfo_modules',
  changedEvent: 'transfoTraining:changed',
  eventId: (m) => m.campaignId,
  fields: {
    campaignId: column('campaign_id', text()),
    method: column('method', text<DesignMethod>()),
    title: column('title', text()),
    objectives: column('objectives', text()),
    order: column('sort_order', int),
    deletedAt,
  },
  local: allLocal,
  label: (m) => ({ key: 'syncCenter.records.transfo_module', values: { title: m.title } }),
});

export const transfoSessionCodec = defineCodec<SessionRecord, 'transfo_sessions'>()({
  entity: 'transfo_session',
  table: 'transfo_sessions',
  changedEvent: 'transfoTraining:changed',
  eventId: (s) => s.campaignId,
  fields: {
    workshopId: column('workshop_id', text()),
    campaignId: column('campaign_id', text()),
    days: column('days', json<SessionDay[]>()),
    facilitators: column('facilitators', json<string[]>()),
    residentDesigners: column('resident_designers', json<string[]>()),
    deletedAt,
  },
  local: allLocal,
  label: (s) => ({ key: 'syncCenter.records.transfo_session', values: { date: s.days[0]?.date ?? '' } }),
});

export const transfoAttendanceCodec = defineCodec<AttendanceRecord, 'transfo_attendances'>()({
  entity: 'transfo_attendance',
  table: 'transfo_attendances',
  changedEvent: 'transfoTraining:changed',
  eventId: (a) => a.campaignId,
  fields: {
    sessionId: column('session_id', text()),
    campaignId: column('campaign_id', text()),
    day: column('day', int),
    candidateId: column('candidate_id', text()),
    personId: column('person_id', text()),
    status: column('status', nullable(text<TrainingAttendanceStatus>())),
    deletedAt,
  },
  local: allLocal,
  label: (a) => ({ key: 'syncCenter.records.transfo_attendance', values: { id: short(a.candidateId), day: a.day + 1 } }),
  // Whether a person came is theirs: wiped with them.
  personal: { subject: 'person', fields: ['status'], link: 'personId' },
});
