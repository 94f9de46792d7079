/**
 * Workshop rows, read (`db` or the caller's transaction). Writes go through the write funnel
 * (store/synced-write.ts) with the workshop codec; other domains read workshops from here.
 */
import { sql } from 'kysely';
import type { WorkshopRow } from '#db/schema.js';
import type { WorkshopKind, WorkshopStatus } from '#shared/workshops/workshop.schema.js';
import type { Executor } from '../store/executor.js';

export async function findWorkshopRow(db: Executor, id: string): Promise<WorkshopRow | undefined> {
  return db.selectFrom('workshops').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface WorkshopRowFilter {
  kind?: WorkshopKind;
  status?: WorkshopStatus;
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
