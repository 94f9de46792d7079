/**
 * Supports: dots (one row per dot, append-only, so two laptops never conflict; taking a dot
 * back tombstones the last one) and majority-judgement grades (one per profile and proposal:
 * a new grade replaces the previous one; without a profile each grade is its own row).
 * Each write appends its outbox row in the same transaction and emits `proposals:changed`.
 */
import type { Transaction } from 'kysely';
import type { Database, SupportRow } from '../../../db/schema.js';
import type { CommandParsedInput } from '../../../src-shared/contract.js';
import { grades, majorityGrade, type Grade, type ProposalTally, type Support } from '../../../src-shared/proposals/support.schema.js';
import { fail, ok, type Result } from '../../../src-shared/result.js';
import type { ServiceDeps } from '../deps.js';
import { appendOutbox } from '../store/outbox.repository.js';
import { findLastDot, findGrade, findSupportRow, insertSupport, rowToSupport, tallySupportRows, updateSupport } from './supports.repository.js';
import { findProposalRow } from './proposals.repository.js';

const SYNCED = ['proposalId', 'workshopId', 'profileId', 'method', 'dots', 'grade', 'recordedAt', 'deletedAt'] as const;

function syncedFields(s: Support, only?: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of SYNCED) if (!only || only.includes(key)) out[key] = s[key];
  return out;
}

export function createSupportsService(deps: ServiceDeps) {
  const { db, now, newId, emit } = deps;

  async function outbox(trx: Transaction<Database>, before: SupportRow | null, after: Support, op: 'create' | 'update' | 'delete', fields: readonly string[] | undefined, at: string) {
    await appendOutbox(trx, {
      changeId: newId(),
      entity: 'support',
      recordId: after.id,
      op,
      baseVersion: before ? before.version : null,
      baseRevision: before ? before.synced_revision : 0,
      version: after.version,
      payload: syncedFields(after, fields),
      createdAt: at,
    });
  }

  /** A live proposal that can still be supported (not merged into a project, not removed). */
  async function supportable(proposalId: string): Promise<Result<null>> {
    const row = await findProposalRow(db, proposalId);
    if (!row || row.deleted_at !== null) return fail('not_found', `No proposal ${proposalId}`);
    if (row.status === 'merged') return fail('invalid_transition', 'A merged proposal is supported through its project');
    return ok(null);
  }

  /** The anonymous profile a support is recorded under; the attendance itself is never stored. */
  async function profileOf(input: { workshopId: string; profileId: string | null; attendanceId: string | null }): Promise<Result<string | null>> {
    if (input.profileId !== null || input.attendanceId === null) return ok(input.profileId);
    const attendance = await db
      .selectFrom('attendances')
      .select(['profile_id', 'workshop_id'])
      .where('id', '=', input.attendanceId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!attendance || attendance.workshop_id !== input.workshopId) return fail('not_found', `No attendance ${input.attendanceId} at this workshop`);
    return ok(attendance.profile_id);
  }

  async function insert(input: { proposalId: string; workshopId: string; profileId: string | null }, method: 'dot' | 'majority_judgement', grade: Grade | null) {
    const id = newId();
    const at = now().toISOString();
    const support = await db.transaction().execute(async (trx) => {
      await insertSupport(trx, {
        id,
        proposal_id: input.proposalId,
        workshop_id: input.workshopId,
        profile_id: input.profileId,
        method,
        dots: method === 'dot' ? 1 : null,
        grade,
        recorded_at: at,
        created_at: at,
        updated_at: at,
        version: 1,
        deleted_at: null,
      });
      const created = rowToSupport((await findSupportRow(trx, id))!);
      await outbox(trx, null, created, 'create', undefined, at);
      return created;
    });
    emit('proposals:changed', { id: input.proposalId });
    return support;
  }

  async function change(row: SupportRow, changes: Partial<SupportRow>, op: 'update' | 'delete', fields: readonly string[]): Promise<Result<Support>> {
    const at = now().toISOString();
    const result = await db.transaction().execute(async (trx): Promise<Result<Support>> => {
      if (!(await updateSupport(trx, row.id, row.version, { ...changes, updated_at: at, version: row.version + 1 }))) {
        return fail('conflict', `Support ${row.id} changed meanwhile`);
      }
      const after = rowToSupport((await findSupportRow(trx, row.id))!);
      await outbox(trx, row, after, op, fields, at);
      return ok(after);
    });
    if (result.ok) emit('proposals:changed', { id: row.proposal_id });
    return result;
  }

  return {
    async addDot(input: CommandParsedInput<'supports:addDot'>): Promise<Result<Support>> {
      const allowed = await supportable(input.proposalId);
      if (!allowed.ok) return allowed;
      const profileId = await profileOf(input);
      return profileId.ok ? ok(await insert({ ...input, profileId: profileId.value }, 'dot', null)) : profileId;
    },

    async removeDot(input: CommandParsedInput<'supports:removeDot'>): Promise<Result<Support | null>> {
      const profileId = await profileOf(input);
      if (!profileId.ok) return profileId;
      const last = await findLastDot(db, input.proposalId, input.workshopId, profileId.value);
      if (!last) return ok(null);
      return change(last, { deleted_at: now().toISOString() }, 'delete', ['deletedAt']);
    },

    async grade(input: CommandParsedInput<'supports:grade'>): Promise<Result<Support>> {
      const allowed = await supportable(input.proposalId);
      if (!allowed.ok) return allowed;
      const profileId = await profileOf(input);
      if (!profileId.ok) return profileId;
      const previous = profileId.value ? await findGrade(db, input.proposalId, profileId.value) : undefined;
      if (previous) return change(previous, { grade: input.grade, recorded_at: now().toISOString() }, 'update', ['grade', 'recordedAt']);
      return ok(await insert({ ...input, profileId: profileId.value }, 'majority_judgement', input.grade));
    },

    async tally({ workshopId }: CommandParsedInput<'supports:tally'>): Promise<Result<{ items: ProposalTally[] }>> {
      const rows = await tallySupportRows(db, workshopId);
      const byProposal = new Map<string, ProposalTally>();
      for (const r of rows) {
        let t = byProposal.get(r.proposal_id);
        if (!t) {
          t = { proposalId: r.proposal_id, dots: 0, grades: { adore: 0, aime_bien: 0, pourquoi_pas: 0, pas_convaincu: 0 }, majorityGrade: null };
          byProposal.set(r.proposal_id, t);
        }
        if (r.method === 'dot') t.dots += Number(r.dots ?? 0);
        else if (r.grade && (grades as readonly string[]).includes(r.grade)) t.grades[r.grade as Grade] += Number(r.n);
      }
      const items = [...byProposal.values()].map((t) => ({ ...t, majorityGrade: majorityGrade(t.grades) }));
      return ok({ items });
    },
  };
}

export type SupportsService = ReturnType<typeof createSupportsService>;
