/**
 * The outbox as the sync reads it: a queue of changes, oldest first. Entries are appended only
 * by the write funnel (synced-write.ts), in the transaction of their change; here they are
 * read, acknowledged (they leave the queue) or set aside as rejected with the portal's reason.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, OutboxRow } from '#db/schema.js';
import type { Change, PortalErrorBody, PushResponse, SyncEntity } from '#shared/sync/protocol.schema.js';
import type { SyncedRegistry } from './codec.js';
import type { Executor } from './executor.js';
import { advanceSyncedRevisions } from './sync-writes.js';

export async function countPendingOutbox(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** What one change adds to a push body besides its fields (ids, seq, times, keys). */
const CHANGE_ENVELOPE_BYTES = 400;

/**
 * The oldest pending changes, as they travel: at most `limit` of them, and no more than
 * `maxBytes` of JSON together (always at least one, however big: the portal then says why).
 */
export async function pendingBatch(db: Executor, limit: number, maxBytes = Number.POSITIVE_INFINITY): Promise<{ rows: OutboxRow[]; changes: Change[] }> {
  const all = await db.selectFrom('outbox').selectAll().where('state', '=', 'pending').orderBy('seq').limit(limit).execute();
  let bytes = 0;
  let count = 0;
  for (const row of all) {
    bytes += Buffer.byteLength(row.payload, 'utf8') + (row.resolves?.length ?? 0) + CHANGE_ENVELOPE_BYTES;
    if (count > 0 && bytes > maxBytes) break;
    count++;
  }
  const rows = all.slice(0, count);
  const changes = rows.map(
    (row): Change => ({
      seq: row.seq,
      changeId: row.change_id,
      entity: row.entity,
      recordId: row.record_id,
      op: row.op,
      baseRevision: row.base_revision,
      fields: JSON.parse(row.payload) as Record<string, unknown>,
      capturedAt: row.created_at,
      ...(row.resolves ? { resolves: JSON.parse(row.resolves) as string[] } : {}),
    }),
  );
  return { rows, changes };
}

/**
 * Applies the portal's answer to a batch: acknowledged changes leave the outbox (the outbox is
 * a queue, not a synced table), refused ones move to the visible rejected list with the reason.
 *
 * A change the portal applied at exactly the revision after the one the laptop holds means
 * nobody else changed the record in between: the laptop already has the portal's state, so it
 * records that revision and the next pull need not rewrite the row. Any gap (another device's
 * change, a conflict) leaves the revision alone and the pull brings the merged record.
 */
export async function acknowledgeBatch(
  trx: Transaction<Database>,
  response: PushResponse,
  batch: readonly Change[],
  registry: SyncedRegistry,
): Promise<{ rejected: number }> {
  const acknowledged: number[] = [];
  let rejected = 0;
  const changeBySeq = new Map(batch.map((c) => [c.seq, c]));
  const applied: { entity: SyncEntity; recordId: string; revision: number }[] = [];
  for (const result of response.results) {
    if (result.status === 'rejected') {
      rejected++;
      await markRejected(trx, result.seq, result.reason ?? { code: 'rejected', message: 'Refused by the portal' });
      continue;
    }
    acknowledged.push(result.seq);
    const change = changeBySeq.get(result.seq);
    if (change && result.status === 'applied' && result.revision !== undefined) {
      applied.push({ entity: change.entity, recordId: change.recordId, revision: result.revision });
    }
  }
  if (acknowledged.length > 0) {
    // eslint-disable-next-line no-restricted-syntax -- acknowledged queue entries, not records
    await trx.deleteFrom('outbox').where('seq', 'in', acknowledged).where('state', '=', 'pending').execute();
  }
  for (const entity of new Set(applied.map((a) => a.entity))) {
    await advanceSyncedRevisions(trx, registry[entity], applied.filter((a) => a.entity === entity));
  }
  return { rejected };
}

export async function markRejected(db: Executor, seq: number, reason: PortalErrorBody): Promise<void> {
  await db.updateTable('outbox').set({ state: 'rejected', rejection: JSON.stringify(reason) }).where('seq', '=', seq).execute();
}

export async function countRejected(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'rejected')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The changes the portal refused, oldest first, with its reason. */
export async function listRejected(db: Executor) {
  const rows = await db.selectFrom('outbox').selectAll().where('state', '=', 'rejected').orderBy('seq').execute();
  return rows.map((row) => ({
    seq: row.seq,
    entity: row.entity,
    recordId: row.record_id,
    op: row.op,
    fields: JSON.parse(row.payload) as Record<string, unknown>,
    capturedAt: row.created_at,
    reason: JSON.parse(row.rejection ?? '{"code":"rejected","message":""}') as PortalErrorBody,
  }));
}
