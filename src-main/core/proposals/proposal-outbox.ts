/** The outbox row of a proposal change (the shared step lives in store/outbox.repository.ts). */
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Proposal } from '../../../src-shared/proposals/proposal.schema.js';
import { appendRecordChange } from '../store/outbox.repository.js';

/** Writes the outbox row of a proposal change (inside the caller's transaction). */
export function appendProposalChange(
  trx: Transaction<Database>,
  newId: () => string,
  before: Proposal | null,
  after: Proposal,
  op: 'create' | 'update' | 'delete',
  at: string,
  baseRevision = 0,
): Promise<void> {
  return appendRecordChange(trx, { changeId: newId(), entity: 'proposal', before, after, op, at, baseRevision });
}
