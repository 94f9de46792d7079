/**
 * Proposal rows, read (`db` or the caller's transaction). Writes go through the write funnel
 * (store/synced-write.ts) with the proposal codec.
 */
import { sql } from 'kysely';
import type { ProposalRow } from '#db/schema.js';
import type { Executor } from '../store/executor.js';

export async function findProposalRow(db: Executor, id: string): Promise<ProposalRow | undefined> {
  return db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findProposalRows(db: Executor, ids: readonly string[]): Promise<ProposalRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('proposals').selectAll().where('id', 'in', ids).execute();
}

/**
 * Live proposals, in capture order. For a workshop: its own proposals and the projects that
 * group any of them (a project across workshops has no workshop of its own).
 */
export async function listProposalRows(
  db: Executor,
  f: { workshopId?: string; includeMerged: boolean; limit: number },
): Promise<{ rows: ProposalRow[]; total: number }> {
  let q = db.selectFrom('proposals').where('deleted_at', 'is', null);
  if (f.workshopId) {
    const workshopId = f.workshopId;
    q = q.where((eb) =>
      eb.or([
        eb('workshop_id', '=', workshopId),
        eb(
          'id',
          'in',
          eb
            .selectFrom('proposals as original')
            .select('original.merged_into')
            .where('original.workshop_id', '=', workshopId)
            .where('original.merged_into', 'is not', null),
        ),
      ]),
    );
  }
  if (!f.includeMerged) q = q.where('status', '!=', 'merged');
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('captured_at').orderBy('id').limit(f.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The proposals that name one of these attendances among their proposers, removed ones included. */
export async function proposalsCarriedBy(db: Executor, attendanceIds: readonly string[]): Promise<ProposalRow[]> {
  if (attendanceIds.length === 0) return [];
  return db
    .selectFrom('proposals')
    .selectAll()
    .where(sql<boolean>`exists (select 1 from json_each(proposals.proposer_attendance_ids) as j where j.value in (${sql.join([...attendanceIds])}))`)
    .orderBy('captured_at')
    .execute();
}
