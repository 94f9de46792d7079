/**
 * Supports: dots (one row per dot, append-only, so two laptops never conflict; taking a dot
 * back tombstones the last one) and majority-judgement grades (one per profile and proposal:
 * a new grade replaces the previous one; without a profile each grade is its own row).
 * Each write goes through the write funnel (row + outbox entry in one transaction), which emits
 * `proposals:changed` for the supported proposal.
 */
import { findAttendanceProfile } from '../attendance/attendance.repository.js';
import type { CommandParsedInput } from '#shared/contract.js';
import { grades, majorityGrade, type Grade, type ProposalTally, type Support } from '#shared/proposals/support.schema.js';
import { fail, ok, type Result } from '#shared/result.js';
import { kindAllows } from '#shared/workshops/workshop-kinds.js';
import type { ServiceDeps } from '../deps.js';
import { runWrite } from '../store/synced-write.js';
import { supportCodec } from './support.codec.js';
import { findLastDot, findGrade, tallySupportRows } from './supports.repository.js';
import { findWorkshopRow } from '../workshops/workshops.repository.js';
import { findProposalRow } from './proposals.repository.js';

export function createSupportsService(deps: ServiceDeps) {
  const { db } = deps;

  /** A live proposal that can still be supported (not merged into a project, not removed), at a workshop that takes supports. */
  async function supportable(proposalId: string, workshopId: string): Promise<Result<null>> {
    const workshop = await findWorkshopRow(db, workshopId);
    if (!workshop || workshop.deleted_at !== null) return fail('not_found', `No workshop ${workshopId}`);
    const offered = kindAllows(workshop.kind, 'supports', 'workshopId');
    if (!offered.ok) return offered;
    const row = await findProposalRow(db, proposalId);
    if (!row || row.deleted_at !== null) return fail('not_found', `No proposal ${proposalId}`);
    if (row.status === 'merged') return fail('invalid_transition', 'A merged proposal is supported through its project');
    return ok(null);
  }

  /** The anonymous profile a support is recorded under; the attendance itself is never stored. */
  async function profileOf(input: { workshopId: string; profileId: string | null; attendanceId: string | null }): Promise<Result<string | null>> {
    if (input.profileId !== null || input.attendanceId === null) return ok(input.profileId);
    const attendance = await findAttendanceProfile(db, input.attendanceId);
    if (!attendance || attendance.workshop_id !== input.workshopId) return fail('not_found', `No attendance ${input.attendanceId} at this workshop`);
    return ok(attendance.profile_id);
  }

  function insert(input: { proposalId: string; workshopId: string; profileId: string | null }, method: 'dot' | 'majority_judgement', grade: Grade | null) {
    return runWrite(deps, async (w) =>
      ok(
        await w.insert(supportCodec, {
          fields: {
            proposalId: input.proposalId,
            workshopId: input.workshopId,
            profileId: input.profileId,
            method,
            dots: method === 'dot' ? 1 : null,
            grade,
            recordedAt: w.at,
          },
        }),
      ),
    );
  }

  return {
    async addDot(input: CommandParsedInput<'supports:addDot'>): Promise<Result<Support>> {
      const allowed = await supportable(input.proposalId, input.workshopId);
      if (!allowed.ok) return allowed;
      const profileId = await profileOf(input);
      return profileId.ok ? insert({ ...input, profileId: profileId.value }, 'dot', null) : profileId;
    },

    async removeDot(input: CommandParsedInput<'supports:removeDot'>): Promise<Result<Support | null>> {
      const profileId = await profileOf(input);
      if (!profileId.ok) return profileId;
      const last = await findLastDot(db, input.proposalId, input.workshopId, profileId.value);
      if (!last) return ok(null);
      return runWrite(deps, (w) => w.tombstone(supportCodec, last.id, { expectedVersion: last.version }));
    },

    async grade(input: CommandParsedInput<'supports:grade'>): Promise<Result<Support>> {
      const allowed = await supportable(input.proposalId, input.workshopId);
      if (!allowed.ok) return allowed;
      const profileId = await profileOf(input);
      if (!profileId.ok) return profileId;
      const previous = profileId.value ? await findGrade(db, input.proposalId, profileId.value) : undefined;
      if (previous) {
        return runWrite(deps, (w) => w.update(supportCodec, previous.id, () => ok({ grade: input.grade, recordedAt: w.at }), { expectedVersion: previous.version }));
      }
      return insert({ ...input, profileId: profileId.value }, 'majority_judgement', input.grade);
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
        else if (r.grade && grades.includes(r.grade)) t.grades[r.grade] += Number(r.n);
      }
      const items = [...byProposal.values()].map((t) => ({ ...t, majorityGrade: majorityGrade(t.grades) }));
      return ok({ items });
    },
  };
}

export type SupportsService = ReturnType<typeof createSupportsService>;
