/**
 * Support rows (dots and majority-judgement grades). Dots are append-only, one row per dot,
 * so two laptops dot-voting at once never conflict; a grade is one row per profile and
 * proposal, updated when the person changes their mind. Read here; written through the write
 * funnel (store/synced-write.ts) with the support codec.
 */
import type { Executor } from '../store/executor.js';

/** The last live dot given to a proposal in a workshop (by this profile, or anonymous when null). */
export async function findLastDot(db: Executor, proposalId: string, workshopId: string, profileId: string | null) {
  let q = db
    .selectFrom('supports')
    .selectAll()
    .where('proposal_id', '=', proposalId)
    .where('workshop_id', '=', workshopId)
    .where('method', '=', 'dot')
    .where('deleted_at', 'is', null);
  q = profileId === null ? q.where('profile_id', 'is', null) : q.where('profile_id', '=', profileId);
  return q.orderBy('recorded_at', 'desc').orderBy('created_at', 'desc').limit(1).executeTakeFirst();
}

/** A profile's live grade for a proposal, if it gave one. */
export async function findGrade(db: Executor, proposalId: string, profileId: string) {
  return db
    .selectFrom('supports')
    .selectAll()
    .where('proposal_id', '=', proposalId)
    .where('profile_id', '=', profileId)
    .where('method', '=', 'majority_judgement')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Per proposal of a workshop: the dots and the number of each grade (live rows only). */
export async function tallySupportRows(db: Executor, workshopId: string) {
  return db
    .selectFrom('supports')
    .select((eb) => [
      'proposal_id',
      'method',
      'grade',
      eb.fn.sum<number>('dots').as('dots'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where('workshop_id', '=', workshopId)
    .where('deleted_at', 'is', null)
    .groupBy(['proposal_id', 'method', 'grade'])
    .execute();
}
