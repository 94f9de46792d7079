/**
 * The portal's one-row facts: its epoch (which life of the database this is) and the newest
 * serial of its change log. A restore from backup gets a new epoch, so devices notice.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { PortalDatabase } from '#db/portal/schema.js';
import { toNumber, type PortalDialect } from './database.js';

export interface PortalMeta {
  epoch: string;
  lastSerial: number;
}

type Db = Kysely<PortalDatabase> | Transaction<PortalDatabase>;

export function newEpoch(): string {
  return randomBytes(8).toString('hex');
}

/** Creates the meta row on a fresh database; leaves an existing one alone. */
export async function ensurePortalMeta(db: Db, now: Date): Promise<PortalMeta> {
  const existing = await readPortalMeta(db);
  if (existing) return existing;
  const meta = { epoch: newEpoch(), lastSerial: 0 };
  await db
    .insertInto('portal_meta')
    .values({ id: 1, epoch: meta.epoch, last_serial: 0, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return (await readPortalMeta(db)) ?? meta;
}

export async function readPortalMeta(db: Db, lock?: PortalDialect): Promise<PortalMeta | undefined> {
  const row = await db
    .selectFrom('portal_meta')
    .select(['epoch', 'last_serial'])
    .where('id', '=', 1)
    // Locking this row serialises writers, so serials commit in order (see the migration).
    .$if(lock === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
  return row ? { epoch: row.epoch, lastSerial: toNumber(row.last_serial) } : undefined;
}

export async function storeLastSerial(db: Db, lastSerial: number, now: Date): Promise<void> {
  await db.updateTable('portal_meta').set({ last_serial: lastSerial, updated_at: now.toISOString() }).where('id', '=', 1).execute();
}

/** After a restore from backup: a new epoch makes every device re-push what the portal lost. */
export async function startNewEpoch(db: Db, now: Date): Promise<string> {
  const epoch = newEpoch();
  await db.updateTable('portal_meta').set({ epoch, updated_at: now.toISOString() }).where('id', '=', 1).execute();
  return epoch;
}
