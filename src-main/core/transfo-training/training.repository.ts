/**
 * La Transfo's training reads: plain functions taking `db` or a transaction first. The matrix
 * reads four small sets for one cohort (modules, sessions, agents, attendance), each on its
 * campaign index.
 */
import type { Executor } from '../store/executor.js';
import { agentStages, type TrainingAgent, type TrainingModule, type TrainingSession } from '#shared/transfo/training.schema.js';
import { transfoAttendanceCodec, transfoModuleCodec, transfoSessionCodec, type AttendanceRecord } from './training.codecs.js';

export async function listModules(db: Executor, campaignId: string): Promise<TrainingModule[]> {
  const rows = await db
    .selectFrom('transfo_modules')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('deleted_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('title')
    .execute();
  return rows.map(transfoModuleCodec.toRecord);
}

export async function findModule(db: Executor, id: string): Promise<TrainingModule | null> {
  const row = await db.selectFrom('transfo_modules').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? transfoModuleCodec.toRecord(row) : null;
}

const sessionSelect = (db: Executor) =>
  db
    .selectFrom('transfo_sessions as s')
    .innerJoin('workshops as w', 'w.id', 's.workshop_id')
    .selectAll('s')
    .select(['w.title as w_title', 'w.starts_at as w_starts_at', 'w.ends_at as w_ends_at', 'w.venue_name as w_venue_name', 'w.arrondissement as w_arrondissement'])
    .where('s.deleted_at', 'is', null);

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionSelect>['executeTakeFirstOrThrow']>>;

function toSession(row: SessionRow): TrainingSession {
  const { w_title, w_starts_at, w_ends_at, w_venue_name, w_arrondissement, ...session } = row;
  return {
    ...transfoSessionCodec.toRecord(session),
    workshop: { id: row.workshop_id, title: w_title, startsAt: w_starts_at, endsAt: w_ends_at, venueName: w_venue_name, arrondissement: w_arrondissement },
  };
}

export async function listSessions(db: Executor, campaignId: string): Promise<TrainingSession[]> {
  const rows = await sessionSelect(db).where('s.campaign_id', '=', campaignId).orderBy('w.starts_at').orderBy('s.id').execute();
  return rows.map(toSession);
}

export async function findSession(db: Executor, id: string): Promise<TrainingSession | null> {
  const row = await sessionSelect(db).where('s.id', '=', id).executeTakeFirst();
  return row ? toSession(row) : null;
}

export async function sessionOfWorkshop(db: Executor, workshopId: string): Promise<string | null> {
  const row = await db.selectFrom('transfo_sessions').select('id').where('workshop_id', '=', workshopId).where('deleted_at', 'is', null).executeTakeFirst();
  return row?.id ?? null;
}

/** The cohort's agents (its live candidates at stage ambassador or relais), by name. */
export async function cohortAgents(db: Executor, campaignId: string): Promise<(TrainingAgent & { personId: string })[]> {
  const rows = await db
    .selectFrom('transfo_candidates')
    .select(['id', 'full_name', 'stage', 'person_id'])
    .where('campaign_id', '=', campaignId)
    .where('deleted_at', 'is', null)
    .where('stage', 'in', [...agentStages])
    .orderBy('search_text')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ candidateId: r.id, fullName: r.full_name, stage: r.stage, personId: r.person_id }));
}

export async function sessionAttendance(db: Executor, sessionId: string): Promise<AttendanceRecord[]> {
  const rows = await db.selectFrom('transfo_attendances').selectAll().where('session_id', '=', sessionId).where('deleted_at', 'is', null).execute();
  return rows.map(transfoAttendanceCodec.toRecord);
}

/** What the matrix needs of every attendance of the cohort. */
export async function campaignAttendance(db: Executor, campaignId: string) {
  return db
    .selectFrom('transfo_attendances')
    .select(['session_id as sessionId', 'day', 'candidate_id as candidateId', 'status', 'updated_at as updatedAt'])
    .where('campaign_id', '=', campaignId)
    .where('deleted_at', 'is', null)
    .execute();
}

/** The live record of one agent on one day of a session (the latest, if two desktops each wrote one). */
export async function findAttendance(db: Executor, sessionId: string, day: number, candidateId: string): Promise<string | null> {
  const row = await db
    .selectFrom('transfo_attendances')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('day', '=', day)
    .where('candidate_id', '=', candidateId)
    .where('deleted_at', 'is', null)
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}
