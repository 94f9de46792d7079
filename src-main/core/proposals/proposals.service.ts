/**
 * Proposals: capture at a workshop (the link to the workshop is set from where the
 * facilitator is), edits, the status machine, regroupement and tombstones. Every write appends
 * its outbox row in the same transaction, then emits `proposals:changed`.
 */
import type { ProposalRow, ProposalRowUpdate } from '../../../db/schema.js';
import type { CommandParsedInput } from '../../../src-shared/contract.js';
import type { ParisLocator } from '../../../src-shared/geo/paris-locator.js';
import {
  eurosToCents,
  isProposalEditable,
  proposalTransitions,
  type Proposal,
  type ProposalFields,
  type ProposalStatus,
} from '../../../src-shared/proposals/proposal.schema.js';
import { fail, ok, type Result } from '../../../src-shared/result.js';
import type { ServiceDeps } from '../deps.js';
import {
  findProposalRow,
  insertProposal,
  listProposalRows,
  rowToProposal,
  updateProposalAtVersion,
} from './proposals.repository.js';
import { findWorkshopRow } from '../workshops/workshops.repository.js';
import { deriveLocation } from './proposal-location.js';
import { mergeProposals } from './proposal-merge.js';
import { appendProposalChange } from './proposal-outbox.js';

export interface ProposalsDeps extends ServiceDeps {
  locator: () => ParisLocator;
}

/** The columns set from what a person typed, with the location derived from the point. */
export function fieldsToColumns(fields: ProposalFields, locator: ParisLocator): Result<ProposalRowUpdate> {
  const derived = deriveLocation(fields, locator);
  if (!derived.ok) return derived;
  return ok({
    title: fields.title,
    description: fields.description,
    theme_code: fields.themeCode,
    location_type: fields.locationType,
    arrondissement: derived.value.arrondissement,
    address_label: fields.addressLabel || null,
    address_id: fields.addressId,
    lon: fields.point?.lon ?? null,
    lat: fields.point?.lat ?? null,
    neighbourhood_class: derived.value.neighbourhoodClass,
    qpv_code: derived.value.qpvCode,
    estimated_cost_cents: eurosToCents(fields.estimatedCostEuros),
    running_costs_cents: eurosToCents(fields.runningCostsEuros),
    proposer_type: fields.proposerType,
    proposer_name: fields.proposerName || null,
    proposer_attendance_ids: JSON.stringify(fields.proposerAttendanceIds),
    proposed_before: fields.proposedBefore,
    accessible_to_disabled: fields.accessibleToDisabled,
    photos: JSON.stringify(fields.photos),
  });
}

export function createProposalsService(deps: ProposalsDeps) {
  const { db, now, newId, emit } = deps;

  async function mutate(
    id: string,
    expectedVersion: number | null,
    op: 'update' | 'delete',
    change: (row: ProposalRow, at: string) => Result<ProposalRowUpdate>,
  ): Promise<Result<Proposal>> {
    const result = await db.transaction().execute(async (trx): Promise<Result<Proposal>> => {
      const row = await findProposalRow(trx, id);
      if (!row || row.deleted_at !== null) return fail('not_found', `No proposal ${id}`);
      if (expectedVersion !== null && row.version !== expectedVersion) {
        return fail('conflict', `Proposal ${id} is at version ${row.version}, the change was based on ${expectedVersion}`);
      }
      const at = now().toISOString();
      const computed = change(row, at);
      if (!computed.ok) return computed;
      const applied = await updateProposalAtVersion(trx, id, row.version, { ...computed.value, updated_at: at, version: row.version + 1 });
      if (!applied) return fail('conflict', `Proposal ${id} changed during the update`);
      const after = rowToProposal((await findProposalRow(trx, id))!);
      await appendProposalChange(trx, newId, rowToProposal(row), after, op, at, row.synced_revision);
      return ok(after);
    });
    if (result.ok) emit('proposals:changed', { id });
    return result;
  }

  return {
    async list(input: CommandParsedInput<'proposals:list'>) {
      const { rows, total } = await listProposalRows(db, input);
      return ok({ items: rows.map(rowToProposal), total });
    },

    async get({ id }: { id: string }): Promise<Result<Proposal>> {
      const row = await findProposalRow(db, id);
      return row ? ok(rowToProposal(row)) : fail('not_found', `No proposal ${id}`);
    },

    async create({ workshopId, fields }: CommandParsedInput<'proposals:create'>): Promise<Result<Proposal>> {
      const workshop = await findWorkshopRow(db, workshopId);
      if (!workshop || workshop.deleted_at !== null) return fail('not_found', `No workshop ${workshopId}`);
      const columns = fieldsToColumns(fields, deps.locator());
      if (!columns.ok) return columns;
      const id = newId();
      const at = now().toISOString();
      const proposal = await db.transaction().execute(async (trx) => {
        await insertProposal(trx, {
          ...(columns.value as Required<typeof columns.value>),
          id,
          workshop_id: workshopId,
          kind: 'proposal',
          status: 'draft',
          merged_into: null,
          captured_at: at,
          created_at: at,
          updated_at: at,
          version: 1,
          deleted_at: null,
        });
        const created = rowToProposal((await findProposalRow(trx, id))!);
        await appendProposalChange(trx, newId, null, created, 'create', at);
        return created;
      });
      emit('proposals:changed', { id });
      return ok(proposal);
    },

    update({ id, version, fields }: CommandParsedInput<'proposals:update'>) {
      return mutate(id, version, 'update', (row) =>
        isProposalEditable(row.status as ProposalStatus)
          ? fieldsToColumns(fields, deps.locator())
          : fail('invalid_transition', `A ${row.status} proposal can no longer be edited`),
      );
    },

    setStatus({ id, version, status }: CommandParsedInput<'proposals:setStatus'>) {
      return mutate(id, version, 'update', (row) => {
        const from = row.status as ProposalStatus;
        return proposalTransitions[from].includes(status)
          ? ok({ status })
          : fail('invalid_transition', `A ${from} proposal cannot become ${status}`);
      });
    },

    async merge(input: CommandParsedInput<'proposals:merge'>) {
      const result = await mergeProposals({ db, newId, at: now().toISOString() }, input);
      if (result.ok) {
        emit('proposals:changed', { id: result.value.project.id });
        for (const original of result.value.originals) emit('proposals:changed', { id: original.id });
      }
      return result;
    },

    /** A tombstone, never a DELETE: the portal and the other devices learn of it through the outbox. */
    remove({ id }: { id: string }) {
      return mutate(id, null, 'delete', (_row, at) => ok({ deleted_at: at }));
    },
  };
}

export type ProposalsService = ReturnType<typeof createProposalsService>;
