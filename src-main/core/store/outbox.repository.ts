/**
 * The one write funnel towards the portal: every write of a synced table appends its
 * outbox row through this function, inside the same transaction as the change.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { SyncEntity } from '../../../src-shared/sync/protocol.schema.js';

export type Executor = Kysely<Database> | Transaction<Database>;

export interface OutboxChange {
  changeId: string;
  entity: SyncEntity;
  recordId: string;
  op: 'create' | 'update' | 'delete';
  /** The record's local version this change was based on (null for a create). */
  baseVersion: number | null;
  /** The portal revision the record was at locally when the change was made (the merge's base). */
  baseRevision: number;
  /** Fields whose portal conflict this change settles. */
  resolves?: readonly string[];
  version: number;
  /** The fields this change set, with their new values (camelCase, as in the shared schema). */
  payload: Record<string, unknown>;
  createdAt: string;
}

export async function appendOutbox(trx: Transaction<Database>, change: OutboxChange): Promise<number> {
  const row = await trx
    .insertInto('outbox')
    .values({
      change_id: change.changeId,
      entity: change.entity,
      record_id: change.recordId,
      op: change.op,
      base_version: change.baseVersion,
      version: change.version,
      payload: JSON.stringify(change.payload),
      created_at: change.createdAt,
      base_revision: change.baseRevision,
      resolves: change.resolves?.length ? JSON.stringify(change.resolves) : null,
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return row.seq;
}

/** Fields that stay on the device: they never travel in a change. */
const LOCAL_FIELDS = new Set(['id', 'version', 'createdAt', 'updatedAt']);

/** The synced view of a change: the record's fields that differ (all of them for a create). */
export function changedFields<T extends object>(before: T | null, after: T): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (LOCAL_FIELDS.has(key)) continue;
    const old = before ? (before as Record<string, unknown>)[key] : undefined;
    if (!before || JSON.stringify(old) !== JSON.stringify(value)) out[key] = value;
  }
  return out;
}

/**
 * The outbox row of a change to a record held in its shared schema's shape (a workshop, a
 * proposal…): only the fields that differ travel, based on the portal revision the device had.
 */
export async function appendRecordChange<T extends { id: string; version: number }>(
  trx: Transaction<Database>,
  change: {
    changeId: string;
    entity: SyncEntity;
    before: T | null;
    after: T;
    op: 'create' | 'update' | 'delete';
    at: string;
    baseRevision: number;
  },
): Promise<void> {
  await appendOutbox(trx, {
    changeId: change.changeId,
    entity: change.entity,
    recordId: change.after.id,
    op: change.op,
    baseVersion: change.before ? change.before.version : null,
    baseRevision: change.baseRevision,
    version: change.after.version,
    payload: changedFields(change.before, change.after),
    createdAt: change.at,
  });
}

export async function countPendingOutbox(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listOutbox(db: Executor, recordId?: string) {
  let q = db.selectFrom('outbox').selectAll().orderBy('seq');
  if (recordId) q = q.where('record_id', '=', recordId);
  return q.execute();
}
