/**
 * The sync client's own bookkeeping: facts about this device and its portal (device_meta) and
 * the conflicts the portal flagged (sync_conflicts). Neither is a synced table. Functions that
 * change state take `db` or the caller's transaction, so that a pulled page and its cursor, or
 * a chosen value and its settled conflict, are written together.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '#db/schema.js';
import type { PulledRecord, SyncEntity } from '#shared/sync/protocol.schema.js';
import type { Executor } from '../store/executor.js';

export const META = {
  deviceId: 'device_id',
  portalUrl: 'portal_url',
  role: 'portal_role',
  epoch: 'portal_epoch',
  cursor: 'pull_cursor',
  lastSyncedAt: 'last_synced_at',
  lastError: 'last_sync_error',
} as const;
export type MetaKey = (typeof META)[keyof typeof META];

export async function getMeta(db: Executor, key: MetaKey): Promise<string | null> {
  const row = await db.selectFrom('device_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function setMeta(db: Executor, key: MetaKey, value: string | null): Promise<void> {
  if (value === null) {
    // device_meta is local bookkeeping, not a synced table: no tombstone needed.
    // eslint-disable-next-line no-restricted-syntax
    await db.deleteFrom('device_meta').where('key', '=', key).execute();
    return;
  }
  await db
    .insertInto('device_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** The portal's current conflict lists replace ours for the records of the page. */
export async function replaceConflicts(trx: Transaction<Database>, records: readonly PulledRecord[]): Promise<void> {
  if (records.length === 0) return;
  const ids = records.map((r) => r.recordId);
  // eslint-disable-next-line no-restricted-syntax -- local bookkeeping of the portal's flags, not a synced table
  await trx.deleteFrom('sync_conflicts').where('record_id', 'in', ids).execute();
  const rows = records.flatMap((record) =>
    record.conflicts.map((conflict) => ({
      entity: record.entity,
      record_id: record.recordId,
      field: conflict.field,
      candidates: JSON.stringify(conflict.values),
      winner: conflict.winner,
      revision: record.revision,
    })),
  );
  if (rows.length > 0) await trx.insertInto('sync_conflicts').values(rows).execute();
}

/** A conflict a person settled (the chosen value is written in the same transaction). */
export async function deleteConflict(trx: Transaction<Database>, entity: SyncEntity, recordId: string, field: string): Promise<void> {
  // eslint-disable-next-line no-restricted-syntax -- local bookkeeping of the portal's flags, not a synced table
  await trx.deleteFrom('sync_conflicts').where('entity', '=', entity).where('record_id', '=', recordId).where('field', '=', field).execute();
}

export async function countConflicts(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('sync_conflicts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
