/**
 * La Transfo's training rules (issue 11; docs/transfo-training.md): a cohort's modules (one
 * method of design thinking each; the seven in one command), its sessions (a
 * `la_transfo_training` workshop and its 1 to 3 days, each with the modules it covered: the
 * workshop and its session written together), the agents' attendance day by day (one live record
 * per session, day and agent: recording again updates it) and the matrix « who has followed which
 * module ». Lab desktops only; writes through the funnel only, saying `transfoTraining:changed`
 * with the campaign's id.
 */
import type { CommandParsedInput } from '#shared/contract.js';
import { transfoTrainingFr } from '#shared/i18n/fr/transfo-training.js';
import { fail, ok, type Result } from '#shared/result.js';
import { parisLocalToUtc, utcToParisLocal } from '#shared/time/paris-time.js';
import { designMethods } from '#shared/transfo/methods.js';
import { trainingMatrix } from '#shared/transfo/training-matrix.js';
import { agentStages, type SessionFields, type TrainingMatrix } from '#shared/transfo/training.schema.js';
import type { ServiceDeps } from '../deps.js';
import type { Executor } from '../store/executor.js';
import { runWrite, type UnitOfWork } from '../store/synced-write.js';
import { getMeta, META } from '../sync/sync.repository.js';
import { findCampaign, findCandidate } from '../transfo/transfo.repository.js';
import { workshopCodec } from '../workshops/workshop.codec.js';
import { findWorkshopRow } from '../workshops/workshops.repository.js';
import { transfoAttendanceCodec, transfoModuleCodec, transfoSessionCodec } from './training.codecs.js';
import {
  campaignAttendance,
  cohortAgents,
  findAttendance,
  findModule,
  findSession,
  listModules,
  listSessions,
  sessionAttendance,
  sessionOfWorkshop,
} from './training.repository.js';

const parisDay = (iso: string) => utcToParisLocal(iso).slice(0, 10);

export function createTrainingService(deps: ServiceDeps) {
  const { db } = deps;

  /** Lab desktops only, as the recruiting (the cohort's agents are identities). */
  async function labDesk(field: string): Promise<Result<null>> {
    return (await getMeta(db, META.role)) === 'field'
      ? fail('validation', 'La Transfo is run from lab desktops', { [field]: 'validation.transfoLabOnly' })
      : ok(null);
  }

  /** The live campaign (the cohort), not purged. */
  async function cohort(trx: Executor, campaignId: string, field: string): Promise<Result<null>> {
    const campaign = await findCampaign(trx, campaignId);
    if (!campaign) return fail('not_found', `No campaign ${campaignId}`);
    if (campaign.status === 'purged') return fail('invalid_transition', 'The campaign was purged', { [field]: 'validation.campaignPurged' });
    return ok(null);
  }

  /** Guard, then one unit of work announcing the campaign. */
  async function write<T>(campaignId: string, field: string, body: (w: UnitOfWork) => Promise<Result<T>>): Promise<Result<T>> {
    const desk = await labDesk(field);
    if (!desk.ok) return desk;
    return runWrite(
      deps,
      async (w) => {
        const live = await cohort(w.trx, campaignId, field);
        return live.ok ? body(w) : live;
      },
      { eventIds: { 'transfoTraining:changed': campaignId } },
    );
  }

  /** Each day within the workshop's days (Paris), each module one of the cohort's. */
  async function checkDays(trx: Executor, campaignId: string, session: SessionFields, span: { startsAt: string; endsAt: string }): Promise<Result<null>> {
    const modules = new Set((await listModules(trx, campaignId)).map((m) => m.id));
    const first = parisDay(span.startsAt);
    const last = parisDay(span.endsAt);
    for (const [i, day] of session.days.entries()) {
      if (day.date < first || day.date > last) return fail('validation', 'The day is outside the workshop', { [`session.days.${i}.date`]: 'validation.dayOutsideWorkshop' });
      if (day.moduleIds.some((id) => !modules.has(id))) return fail('validation', 'Unknown module', { [`session.days.${i}.moduleIds`]: 'validation.unknownModule' });
    }
    return ok(null);
  }

  const sessionView = async (id: string) => {
    const session = await findSession(db, id);
    return session ? ok(session) : fail('not_found', `No session ${id}`);
  };
  const sessionFields = (s: SessionFields) => ({ days: s.days, facilitators: s.facilitators, residentDesigners: s.residentDesigners });

  return {
    async modules({ campaignId }: CommandParsedInput<'transfoTraining:modules'>) {
      return ok({ items: await listModules(db, campaignId) });
    },

    createModule({ campaignId, fields }: CommandParsedInput<'transfoTraining:create-module'>) {
      return write(campaignId, 'fields.title', async (w) =>
        ok(await w.insert(transfoModuleCodec, { fields: { campaignId, ...fields, deletedAt: null } })),
      );
    },

    async createMethodModules({ campaignId }: CommandParsedInput<'transfoTraining:create-method-modules'>) {
      const written = await write(campaignId, 'campaignId', async (w) => {
        const existing = await listModules(w.trx, campaignId);
        const taught = new Set(existing.map((m) => m.method));
        let order = existing.reduce((max, m) => Math.max(max, m.order), 0);
        for (const method of designMethods) {
          if (taught.has(method)) continue;
          const { title, objectives } = transfoTrainingFr.defaults[method];
          order = Math.min(order + 1, 99);
          await w.insert(transfoModuleCodec, { fields: { campaignId, method, title, objectives, order, deletedAt: null } });
        }
        return ok(null);
      });
      return written.ok ? ok({ items: await listModules(db, campaignId) }) : written;
    },

    async updateModule({ id, version, fields }: CommandParsedInput<'transfoTraining:update-module'>) {
      const module = await findModule(db, id);
      if (!module) return fail('not_found', `No module ${id}`);
      return write(module.campaignId, 'fields.title', async (w) => {
        const updated = await w.update(transfoModuleCodec, id, () => ok(fields), { expectedVersion: version });
        return updated.ok ? ok(updated.value) : updated;
      });
    },

    async removeModule({ id, version }: CommandParsedInput<'transfoTraining:remove-module'>) {
      const module = await findModule(db, id);
      if (!module) return fail('not_found', `No module ${id}`);
      return write(module.campaignId, 'id', (w) => w.update(transfoModuleCodec, id, () => ok({ deletedAt: w.at }), { expectedVersion: version }));
    },

    async sessions({ campaignId }: CommandParsedInput<'transfoTraining:sessions'>) {
      return ok({ items: await listSessions(db, campaignId) });
    },

    async createSession({ campaignId, workshop, session }: CommandParsedInput<'transfoTraining:create-session'>) {
      const startsAt = parisLocalToUtc(workshop.startsAt)!;
      const endsAt = parisLocalToUtc(workshop.endsAt)!;
      const sessionId = deps.newId();
      const created = await write(campaignId, 'workshop.title', async (w) => {
        const days = await checkDays(w.trx, campaignId, session, { startsAt, endsAt });
        if (!days.ok) return days;
        const made = await w.insert(workshopCodec, {
          fields: {
            kind: 'la_transfo_training',
            title: workshop.title,
            description: '',
            startsAt,
            endsAt,
            venueName: workshop.venueName,
            venueAddress: workshop.venueAddress,
            arrondissement: workshop.arrondissement,
            inQpv: false,
            capacity: null,
            partners: [],
            facilitators: session.facilitators,
            status: 'planned',
            minutes: null,
            cancelReason: null,
            closedAt: null,
            cancelledAt: null,
            deletedAt: null,
          },
        });
        await w.insert(transfoSessionCodec, { id: sessionId, fields: { workshopId: made.id, campaignId, ...sessionFields(session), deletedAt: null } });
        return ok(null);
      });
      return created.ok ? sessionView(sessionId) : created;
    },

    async attachSession({ campaignId, workshopId, session }: CommandParsedInput<'transfoTraining:attach-session'>) {
      const sessionId = deps.newId();
      const attached = await write(campaignId, 'workshopId', async (w) => {
        const workshop = await findWorkshopRow(w.trx, workshopId);
        if (!workshop) return fail('not_found', `No workshop ${workshopId}`);
        if (workshop.kind !== 'la_transfo_training') return fail('validation', 'Not a training workshop', { workshopId: 'validation.notTrainingWorkshop' });
        if (await sessionOfWorkshop(w.trx, workshopId)) return fail('validation', 'The workshop has its session', { workshopId: 'validation.sessionExists' });
        const days = await checkDays(w.trx, campaignId, session, { startsAt: workshop.starts_at, endsAt: workshop.ends_at });
        if (!days.ok) return days;
        await w.insert(transfoSessionCodec, { id: sessionId, fields: { workshopId, campaignId, ...sessionFields(session), deletedAt: null } });
        return ok(null);
      });
      return attached.ok ? sessionView(sessionId) : attached;
    },

    async updateSession({ id, version, session }: CommandParsedInput<'transfoTraining:update-session'>) {
      const current = await findSession(db, id);
      if (!current) return fail('not_found', `No session ${id}`);
      const updated = await write(current.campaignId, 'session.days', async (w) => {
        const days = await checkDays(w.trx, current.campaignId, session, current.workshop);
        if (!days.ok) return days;
        return w.update(transfoSessionCodec, id, () => ok(sessionFields(session)), { expectedVersion: version });
      });
      return updated.ok ? sessionView(id) : updated;
    },

    async attendance({ id }: CommandParsedInput<'transfoTraining:attendance'>) {
      const session = await findSession(db, id);
      if (!session) return fail('not_found', `No session ${id}`);
      const agents = (await cohortAgents(db, session.campaignId)).map(({ personId: _, ...agent }) => agent);
      return ok({ session, agents, attendance: await sessionAttendance(db, id) });
    },

    async recordAttendance({ sessionId, day, candidateId, status }: CommandParsedInput<'transfoTraining:record-attendance'>) {
      const session = await findSession(db, sessionId);
      if (!session) return fail('not_found', `No session ${sessionId}`);
      if (day >= session.days.length) return fail('validation', 'No such day', { day: 'validation.sessionDay' });
      const agent = await findCandidate(db, candidateId);
      if (!agent || agent.campaignId !== session.campaignId || !(agentStages as readonly string[]).includes(agent.stage)) {
        return fail('validation', 'Not an agent of the cohort', { candidateId: 'validation.notAnAgent' });
      }
      return write(session.campaignId, 'candidateId', async (w) => {
        const existing = await findAttendance(w.trx, sessionId, day, candidateId);
        if (existing) return w.update(transfoAttendanceCodec, existing, () => ok({ status }));
        return ok(
          await w.insert(transfoAttendanceCodec, {
            fields: { sessionId, campaignId: session.campaignId, day, candidateId, personId: agent.personId, status, deletedAt: null },
          }),
        );
      });
    },

    async matrix({ campaignId }: CommandParsedInput<'transfoTraining:matrix'>): Promise<Result<TrainingMatrix>> {
      const [modules, sessions, agents, attendance] = await Promise.all([
        listModules(db, campaignId),
        listSessions(db, campaignId),
        cohortAgents(db, campaignId),
        campaignAttendance(db, campaignId),
      ]);
      const { rows, behind } = trainingMatrix({
        modules,
        sessions,
        agents: agents.map(({ personId: _, ...agent }) => agent),
        attendance,
        today: parisDay(deps.now().toISOString()),
      });
      return ok({ modules, rows, behind });
    },
  };
}
