/**
 * The study's aggregation queries: read-only, grouped in SQL so that 50,000 participations
 * come back as a few hundred rows. Every query is restricted to the workshops in scope and
 * leaves tombstoned rows out (workshops, attendances, profiles, head counts, proposals,
 * supports). Identity (`people`) is never read here: the study needs no name.
 */
import { sql, type RawBuilder } from 'kysely';
import { genderCategory, type GenderCategory } from '#shared/study/gender-categories.js';
import type { Executor } from '../store/executor.js';

/** Which workshops the figures cover; times are UTC bounds already converted from Paris days. */
export interface StudyScopeFilter {
  workshopId?: string;
  startsFrom?: string;
  startsBefore?: string;
  arrondissement?: number;
}

/** The `scope` CTE: the ids of the live workshops that match the filter. */
function scopeCte(filter: StudyScopeFilter): RawBuilder<unknown> {
  const conditions = [sql`w.deleted_at is null`];
  if (filter.workshopId !== undefined) conditions.push(sql`w.id = ${filter.workshopId}`);
  if (filter.startsFrom !== undefined) conditions.push(sql`w.starts_at >= ${filter.startsFrom}`);
  if (filter.startsBefore !== undefined) conditions.push(sql`w.starts_at < ${filter.startsBefore}`);
  if (filter.arrondissement !== undefined) conditions.push(sql`w.arrondissement = ${filter.arrondissement}`);
  return sql`scope as (select w.id, w.title from workshops w where ${sql.join(conditions, sql` and `)})`;
}

export interface ScopeSummary {
  workshops: number;
  title: string | null;
}

export async function readScopeSummary(db: Executor, filter: StudyScopeFilter): Promise<ScopeSummary> {
  const { rows } = await sql<{ n: number; title: string | null }>`
    with ${scopeCte(filter)} select count(*) as n, max(title) as title from scope`.execute(db);
  return { workshops: rows[0]?.n ?? 0, title: rows[0]?.title ?? null };
}

/** People present: checked-in attendances plus the live anonymous head-count entries. */
export async function countParticipants(db: Executor, filter: StudyScopeFilter): Promise<number> {
  const { rows } = await sql<{ present: number; anonymous: number | null }>`
    with ${scopeCte(filter)}
    select
      (select count(*) from attendances a join scope s on s.id = a.workshop_id
        where a.deleted_at is null and a.status = 'present') as present,
      (select sum(h.delta) from head_count_entries h join scope s on s.id = h.workshop_id
        where h.deleted_at is null) as anonymous`.execute(db);
  const row = rows[0];
  // A correction can never take the anonymous count below zero in the figures.
  return (row?.present ?? 0) + Math.max(0, row?.anonymous ?? 0);
}

/** One group of identical profiles of people present, with how many people share it. */
export interface ProfileGroupRow {
  age_bracket: string;
  residence: string;
  residence_arrondissement: number | null;
  lives_in_qpv: string;
  /** A closed category: the words a person used never leave this function. */
  gender: GenderCategory;
  first_participation: string;
  neighbourhood_council_member: string;
  association_member: string;
  n: number;
}

/**
 * The profiles of the people present, grouped by every dimension at once: one scan, and the
 * one-way tables are summed from these groups in the service. The self-described gender is
 * read only to be sorted into its category (gender-categories.ts); groups that fall into the
 * same category are merged here.
 */
export async function groupPresentProfiles(db: Executor, filter: StudyScopeFilter): Promise<ProfileGroupRow[]> {
  const { rows } = await sql<Omit<ProfileGroupRow, 'gender'> & { gender_text: string | null }>`
    with ${scopeCte(filter)}
    select p.age_bracket, p.residence, p.residence_arrondissement, p.lives_in_qpv,
      p.gender as gender_text, p.first_participation, p.neighbourhood_council_member,
      p.association_member, count(*) as n
    from attendances a
    join scope s on s.id = a.workshop_id
    join participant_profiles p on p.id = a.profile_id
    where a.deleted_at is null and a.status = 'present' and p.deleted_at is null
    group by 1, 2, 3, 4, 5, 6, 7, 8`.execute(db);
  const groups = new Map<string, ProfileGroupRow>();
  for (const { gender_text, ...row } of rows) {
    const group: ProfileGroupRow = { ...row, gender: genderCategory(gender_text) };
    const key = JSON.stringify({ ...group, n: 0 });
    const seen = groups.get(key);
    if (seen) seen.n += group.n;
    else groups.set(key, group);
  }
  return [...groups.values()];
}

export interface ProposalGroupRow {
  theme_code: string;
  neighbourhood_class: string;
  n: number;
}

/** Proposals captured at the workshops in scope (not the projects made by regroupement). */
export async function groupProposals(db: Executor, filter: StudyScopeFilter): Promise<ProposalGroupRow[]> {
  const { rows } = await sql<ProposalGroupRow>`
    with ${scopeCte(filter)}
    select p.theme_code, p.neighbourhood_class, count(*) as n
    from proposals p join scope s on s.id = p.workshop_id
    where p.deleted_at is null and p.kind = 'proposal'
    group by 1, 2`.execute(db);
  return rows;
}

export async function countSupports(db: Executor, filter: StudyScopeFilter): Promise<{ supports: number; dots: number }> {
  const { rows } = await sql<{ supports: number; dots: number | null }>`
    with ${scopeCte(filter)}
    select count(*) as supports, sum(coalesce(su.dots, 0)) as dots
    from supports su
    join scope s on s.id = su.workshop_id
    join proposals p on p.id = su.proposal_id
    where su.deleted_at is null and p.deleted_at is null`.execute(db);
  return { supports: rows[0]?.supports ?? 0, dots: rows[0]?.dots ?? 0 };
}

export interface SupporterGroupRow {
  age_bracket: string;
  lives_in_qpv: string;
  theme_code: string;
  n: number;
}

/**
 * Distinct supporters per (age bracket, QPV residence, theme): each (profile, theme) pair is
 * counted once, with the profile's one age bracket and one QPV answer, so summing over one
 * dimension gives the distinct supporters per the other × theme. One query for both cross
 * tables (half the time of two `count(distinct …)`, measured in bench/study.bench.ts).
 */
export async function groupSupporters(db: Executor, filter: StudyScopeFilter): Promise<SupporterGroupRow[]> {
  const { rows } = await sql<SupporterGroupRow>`
    with ${scopeCte(filter)}
    select pf.age_bracket, pf.lives_in_qpv, x.theme_code, count(*) as n
    from (
      select distinct su.profile_id, p.theme_code
      from supports su
      join scope s on s.id = su.workshop_id
      join proposals p on p.id = su.proposal_id
      where su.deleted_at is null and p.deleted_at is null and su.profile_id is not null
    ) x
    join participant_profiles pf on pf.id = x.profile_id
    where pf.deleted_at is null
    group by 1, 2, 3`.execute(db);
  return rows;
}

/** What the GeoJSON export carries: the proposal's public content, never its proposers. */
export interface ProposalFeatureRow {
  id: string;
  workshop_id: string | null;
  title: string;
  description: string;
  theme_code: string;
  location_type: string;
  arrondissement: number | null;
  address_label: string | null;
  lon: number | null;
  lat: number | null;
  neighbourhood_class: string;
  qpv_code: string | null;
  estimated_cost_cents: number | null;
  status: string;
  captured_at: string;
}

export async function listProposalFeatures(db: Executor, filter: StudyScopeFilter): Promise<ProposalFeatureRow[]> {
  const { rows } = await sql<ProposalFeatureRow>`
    with ${scopeCte(filter)}
    select p.id, p.workshop_id, p.title, p.description, p.theme_code, p.location_type, p.arrondissement,
      p.address_label, p.lon, p.lat, p.neighbourhood_class, p.qpv_code, p.estimated_cost_cents,
      p.status, p.captured_at
    from proposals p join scope s on s.id = p.workshop_id
    where p.deleted_at is null and p.kind = 'proposal'
    order by p.captured_at, p.id`.execute(db);
  return rows;
}
