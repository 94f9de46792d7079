/** The outbox row of a proposal change: the fields that differ, in the shared schema's names. */
import type { Transaction } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { Proposal } from '../../../../src-shared/proposals/proposal.schema.js';
import { appendOutbox } from '../../store/outbox.repository.js';

/** The synced view of a change: the record's fields that differ, in the shared schema's names. */
export function changedProposalFields(before: Proposal | null, after: Proposal): Record<string, unknown> {
  const skip = new Set(['id', 'version', 'createdAt', 'updatedAt']);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (skip.has(key)) continue;
    const old = before ? (before as Record<string, unknown>)[key] : undefined;
    if (!before || JSON.stringify(old) !== JSON.stringify(value)) out[key] = value;
  }
  return out;
}

/** Writes the outbox row of a proposal change (inside the caller's transaction). */
export async function appendProposalChange(
  trx: Transaction<Database>,
  newId: () => string,
  before: Proposal | null,
  after: Proposal,
  op: 'create' | 'update' | 'delete',
  at: string,
  baseRevision = 0,
) {
  await appendOutbox(trx, {
    changeId: newId(),
    entity: 'proposal',
    recordId: after.id,
    op,
    baseVersion: before ? before.version : null,
    baseRevision,
    version: after.version,
    payload: changedProposalFields(before, after),
    createdAt: at,
  });
}

