/**
 * The reads of La Transfo's recruiting. A candidate is its `transfo_candidates` row, which
 * holds a copy of its person's name and e-mail (null once erased): the list reads one table,
 * one campaign through the indexes of migration 0011, without a join (bench/transfo-candidates.bench.ts).
 */
import { sql, type RawBuilder } from 'kysely';
import { candidateStages, chosenStages, type CandidateStage } from '#shared/transfo/candidate.schema.js';
import type { Campaign, Candidate, CandidateSort, StageMove } from '#shared/transfo/transfo.schema.js';
import type { candidateListInputSchema } from '#shared/transfo/transfo.schema.js';
import { normalizeForSearch } from '#shared/text.js';
import type { z } from 'zod';
import type { Executor } from '../store/executor.js';
import { transfoCampaignCodec, transfoCandidateCodec, transfoStageMoveCodec } from './transfo.codecs.js';

type CandidateRow = Parameters<typeof transfoCandidateCodec.toRecord>[0];
type CampaignRow = Parameters<typeof transfoCampaignCodec.toRecord>[0];
export type CandidateListInput = z.output<typeof candidateListInputSchema>;

export function toCandidate(row: CandidateRow): Candidate {
  const candidate = transfoCandidateCodec.toRecord(row);
  return { ...candidate, erased: candidate.fullName === null };
}

const candidateSelect = sql`select c.* from transfo_candidates c`;
const chosen = sql.join(chosenStages.map((s) => sql.lit(s)));

function toCampaign(row: CampaignRow & { candidates: number; chosen: number }): Campaign {
  const { candidates, chosen: chosenCount, ...campaign } = row;
  return { ...transfoCampaignCodec.toRecord(campaign), candidates, chosen: chosenCount };
}

const campaignSelect = sql`select k.*,
  (select count(*) from transfo_candidates c where c.campaign_id = k.id and c.deleted_at is null) as candidates,
  (select count(*) from transfo_candidates c where c.campaign_id = k.id and c.deleted_at is null and c.stage in (${chosen})) as chosen
  from transfo_campaigns k`;

/** Live campaigns, the latest call first. */
export async function listCampaigns(db: Executor): Promise<Campaign[]> {
  const { rows } = await sql<CampaignRow & { candidates: number; chosen: number }>`${campaignSelect}
    where k.deleted_at is null order by k.opens_on desc, k.created_at desc`.execute(db);
  return rows.map(toCampaign);
}

export async function findCampaign(db: Executor, id: string): Promise<Campaign | null> {
  const { rows } = await sql<CampaignRow & { candidates: number; chosen: number }>`${campaignSelect} where k.id = ${id} and k.deleted_at is null`.execute(db);
  return rows[0] ? toCampaign(rows[0]) : null;
}

export async function findCandidate(db: Executor, id: string): Promise<Candidate | null> {
  const { rows } = await sql<CandidateRow>`${candidateSelect} where c.id = ${id} and c.deleted_at is null`.execute(db);
  return rows[0] ? toCandidate(rows[0]) : null;
}

/** The live candidates of a campaign with their name and e-mail, for the uniqueness rule. */
export async function campaignIdentities(db: Executor, campaignId: string) {
  const { rows } = await sql<{ id: string; direction: Candidate['direction']; name: string | null; email: string | null }>`
    select c.id, c.direction, c.full_name as name, c.email from transfo_candidates c
    where c.campaign_id = ${campaignId} and c.deleted_at is null`.execute(db);
  return rows;
}

const stageOrder = sql`case c.stage ${sql.join(
  candidateStages.map((s, i) => sql`when ${sql.lit(s)} then ${sql.lit(i)}`),
  sql` `,
)} end`;

const orderBy: Record<CandidateSort, RawBuilder<unknown>> = {
  name: sql`c.search_text`,
  applied: sql`c.created_at`,
  stage: stageOrder,
  direction: sql`c.direction`,
  category: sql`c.category`,
  seniority: sql`c.years_in_city`,
};

/** One page of a campaign's candidates, filtered and sorted, and how many match in all. */
export async function listCandidates(db: Executor, input: CandidateListInput): Promise<{ items: Candidate[]; total: number }> {
  const where = [sql`c.campaign_id = ${input.campaignId}`, sql`c.deleted_at is null`];
  if (input.stage && input.stage.length > 0) where.push(sql`c.stage in (${sql.join(input.stage)})`);
  if (input.direction) where.push(sql`c.direction = ${input.direction}`);
  if (input.category) where.push(sql`c.category = ${input.category}`);
  if (input.gender === 'unknown') where.push(sql`c.gender is null`);
  else if (input.gender) where.push(sql`c.gender = ${input.gender}`);
  // Every word of the query in the person's folded name or e-mail (accents and case ignored).
  for (const word of normalizeForSearch(input.query ?? '').split(' ').filter(Boolean)) where.push(sql`c.search_text like ${`%${word}%`}`);
  const condition = sql.join(where, sql` and `);
  const direction = input.descending ? sql`desc` : sql`asc`;
  // The page's ids first, sorted on a narrow row (the sort key and the id, not every column of
  // 5,000 candidates; by name, read in the order of the index), then the page's rows by their
  // key. Ties keep the name order, then the id: a page never shifts between two reads.
  const { rows: page } = await sql<{ id: string }>`select c.id from transfo_candidates c
    where ${condition} order by ${orderBy[input.sort]} ${direction}, c.search_text asc, c.id asc
    limit ${input.limit} offset ${input.offset}`.execute(db);
  const total = (await sql<{ n: number }>`select count(*) as n from transfo_candidates c where ${condition}`.execute(db)).rows[0]?.n ?? 0;
  if (page.length === 0) return { items: [], total };
  const { rows } = await sql<CandidateRow>`${candidateSelect} where c.id in (${sql.join(page.map((r) => r.id))})`.execute(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: page.map((r) => toCandidate(byId.get(r.id)!)), total };
}

/** Every move of a candidate, oldest first (removed ones left out). */
export async function stageHistory(db: Executor, candidateId: string): Promise<StageMove[]> {
  const rows = await db
    .selectFrom('transfo_stage_moves')
    .selectAll()
    .where('candidate_id', '=', candidateId)
    .where('deleted_at', 'is', null)
    .orderBy('at')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => {
    const { createdAt: _c, updatedAt: _u, version: _v, ...move } = transfoStageMoveCodec.toRecord(r);
    return move;
  });
}

/**
 * The people the campaign's purge erases: candidates neither chosen (ambassador, relais) nor
 * kept for the next call, whose person is not erased already. Removed candidates too: a
 * removed row still holds its person's data until erased.
 */
export async function purgeTargets(db: Executor, campaignId: string): Promise<string[]> {
  const { rows } = await sql<{ person_id: string }>`select distinct c.person_id from transfo_candidates c
    where c.campaign_id = ${campaignId} and c.keep_for_next_call = 0
      and (c.stage not in (${chosen}) or c.deleted_at is not null)
      and not exists (select 1 from erasures e where e.id = c.person_id)`.execute(db);
  return rows.map((r) => r.person_id);
}

export const isChosen = (stage: CandidateStage) => chosenStages.includes(stage);
