/**
 * Workshop rows. Writes take a transaction (`trx`) so that the caller appends the outbox
 * row in the same one; reads take `db | trx`.
 */
import { sql, type Transaction } from 'kysely';
import type { Database, NewWorkshopRow, WorkshopRow, WorkshopRowUpdate } from '../../../db/schema.js';
import type { Workshop, WorkshopKind, WorkshopStatus, Partner } from '../../../src-shared/workshops/workshop.schema.js';
import type { Executor } from '../store/outbox.repository.js';

export function rowToWorkshop(row: WorkshopRow): Workshop {
  return {
    id: row.id,
    kind: row.kind as WorkshopKind,
    title: row.title,
    description: row.description,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    venueName: row.venue_name,
    venueAddress: row.venue_address,
    arrondissement: row.arrondissement,
    inQpv: row.in_qpv === 1,
    capacity: row.capacity,
    partners: JSON.parse(row.partners) as Partner[],
    facilitators: JSON.parse(row.facilitators) as string[],
    status: row.status as WorkshopStatus,
    minutes: row.minutes,
    cancelReason: row.cancel_reason,
    closedAt: row.closed_at,
    cancelledAt: row.cancelled_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    deletedAt: row.deleted_at,
  };
}

export async function insertWorkshop(trx: Transaction<Database>, row: NewWorkshopRow): Promise<void> {
  await trx.insertInto('workshops').values(row).execute();
}

/**
 * Applies `changes` only if the row is still at `expectedVersion`; returns whether it did.
 * The version check makes two edits based on the same version impossible to both apply.
 */
export async function updateWorkshopAtVersion(
  trx: Transaction<Database>,
  id: string,
  expectedVersion: number,
  changes: WorkshopRowUpdate,
): Promise<boolean> {
  const result = await trx
    .updateTable('workshops')
    .set(changes)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function findWorkshopRow(db: Executor, id: string): Promise<WorkshopRow | undefined> {
  return db.selectFrom('workshops').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface WorkshopRowFilter {
  kind?: string;
  status?: string;
  arrondissement?: number;
  /** ISO UTC bounds on the start: [startsFrom, startsBefore). */
  startsFrom?: string;
  startsBefore?: string;
  /** Already normalised with normalizeForSearch. */
  titleContains?: string;
  /** ISO UTC "now": workshops not yet over come first, soonest first; then past ones, latest first. */
  now: string;
  limit: number;
  offset: number;
}

/**
 * Live (not tombstoned) workshops and how many match in all. Those not yet over come first,
 * soonest first (what a facilitator prepares next); then the past ones, most recent first.
 */
export async function listWorkshopRows(db: Executor, f: WorkshopRowFilter): Promise<{ rows: WorkshopRow[]; total: number }> {
  let q = db.selectFrom('workshops').where('deleted_at', 'is', null);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.arrondissement) q = q.where('arrondissement', '=', f.arrondissement);
  if (f.startsFrom) q = q.where('starts_at', '>=', f.startsFrom);
  if (f.startsBefore) q = q.where('starts_at', '<', f.startsBefore);
  if (f.titleContains) q = q.where((eb) => eb(eb.fn('instr', ['title_search', eb.val(f.titleContains)]), '>', 0));

  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy(sql`case when ends_at >= ${f.now} then 0 else 1 end`)
      .orderBy(sql`case when ends_at >= ${f.now} then starts_at end`)
      .orderBy('starts_at', 'desc')
      .orderBy('id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
