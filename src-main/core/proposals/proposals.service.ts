/**
 * Proposals: capture at a workshop (the link to the workshop is set from where the
 * facilitator is), edits, the status machine, regroupement and tombstones. Every write goes
 * through the write funnel (row + outbox entry in one transaction), which then emits
 * `proposals:changed`.
 */
import type { CommandParsedInput } from '#shared/contract.js';
import type { ParisLocator } from '#shared/geo/paris-locator.js';
import {
  eurosToCents,
  isProposalEditable,
  proposalTransitions,
  type Proposal,
  type ProposalFields,
} from '#shared/proposals/proposal.schema.js';
import { fail, ok, type Result } from '#shared/result.js';
import { kindAllows } from '#shared/workshops/workshop-kinds.js';
import type { ServiceDeps } from '../deps.js';
import { runWrite } from '../store/synced-write.js';
import { findWorkshopRow } from '../workshops/workshops.repository.js';
import { proposalCodec } from './proposal.codec.js';
import { findProposalRow, listProposalRows } from './proposals.repository.js';
import { deriveLocation } from './proposal-location.js';
import { mergeProposals } from './proposal-merge.js';

export interface ProposalsDeps extends ServiceDeps {
  locator: () => ParisLocator;
}

/** The record's fields set from what a person typed, with the location derived from the point. */
function typedFields(fields: ProposalFields, locator: ParisLocator) {
  const derived = deriveLocation(fields, locator);
  if (!derived.ok) return derived;
  return ok({
    title: fields.title,
    description: fields.description,
    themeCode: fields.themeCode,
    locationType: fields.locationType,
    arrondissement: derived.value.arrondissement,
    addressLabel: fields.addressLabel || null,
    addressId: fields.addressId,
    lon: fields.point?.lon ?? null,
    lat: fields.point?.lat ?? null,
    neighbourhoodClass: derived.value.neighbourhoodClass,
    qpvCode: derived.value.qpvCode,
    estimatedCostCents: eurosToCents(fields.estimatedCostEuros),
    runningCostsCents: eurosToCents(fields.runningCostsEuros),
    proposerType: fields.proposerType,
    proposerName: fields.proposerName || null,
    proposerAttendanceIds: fields.proposerAttendanceIds,
    proposedBefore: fields.proposedBefore,
    accessibleToDisabled: fields.accessibleToDisabled,
    photos: fields.photos,
  });
}

type Change = Partial<Omit<Proposal, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;

export function createProposalsService(deps: ProposalsDeps) {
  const { db } = deps;

  /** One change of one proposal, at the expected version, through the funnel. */
  function mutate(id: string, expectedVersion: number | null, change: (current: Proposal) => Result<Change>): Promise<Result<Proposal>> {
    return runWrite(deps, (w) => w.update(proposalCodec, id, change, { expectedVersion }));
  }

  return {
    async list(input: CommandParsedInput<'proposals:list'>) {
      const { rows, total } = await listProposalRows(db, input);
      return ok({ items: rows.map(proposalCodec.toRecord), total });
    },

    async get({ id }: { id: string }): Promise<Result<Proposal>> {
      const row = await findProposalRow(db, id);
      return row ? ok(proposalCodec.toRecord(row)) : fail('not_found', `No proposal ${id}`);
    },

    async create({ workshopId, fields }: CommandParsedInput<'proposals:create'>): Promise<Result<Proposal>> {
      const workshop = await findWorkshopRow(db, workshopId);
      if (!workshop || workshop.deleted_at !== null) return fail('not_found', `No workshop ${workshopId}`);
      const offered = kindAllows(workshop.kind, 'proposals', 'workshopId');
      if (!offered.ok) return offered;
      const typed = typedFields(fields, deps.locator());
      if (!typed.ok) return typed;
      return runWrite(deps, async (w) =>
        ok(
          await w.insert(proposalCodec, {
            fields: { ...typed.value, workshopId, kind: 'proposal', status: 'draft', mergedInto: null, capturedAt: w.at },
          }),
        ),
      );
    },

    update({ id, version, fields }: CommandParsedInput<'proposals:update'>) {
      return mutate(id, version, (current) =>
        isProposalEditable(current.status)
          ? typedFields(fields, deps.locator())
          : fail('invalid_transition', `A ${current.status} proposal can no longer be edited`),
      );
    },

    setStatus({ id, version, status }: CommandParsedInput<'proposals:setStatus'>) {
      return mutate(id, version, (current) => {
        const from = current.status;
        return proposalTransitions[from].includes(status)
          ? ok({ status })
          : fail('invalid_transition', `A ${from} proposal cannot become ${status}`);
      });
    },

    async merge(input: CommandParsedInput<'proposals:merge'>) {
      return runWrite(deps, (w) => mergeProposals(w, input));
    },

    /** A tombstone, never a DELETE: the portal and the other devices learn of it through the outbox. */
    remove({ id }: { id: string }) {
      return runWrite(deps, (w) => w.tombstone(proposalCodec, id));
    },
  };
}

export type ProposalsService = ReturnType<typeof createProposalsService>;
