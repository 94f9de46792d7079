/**
 * Builds the study dashboard: the aggregation queries, summed into one-way and cross tables
 * with every category listed (a category nobody is in still shows, masked), then masked by
 * the shared `maskDashboard` — the only figures that leave the core.
 */
import { ageBrackets, yesNoUnknown } from '#shared/attendance/participant.schema.js';
import { neighbourhoodClasses } from '#shared/proposals/proposal.schema.js';
import { pbThemeCodes } from '#shared/reference/pb-themes.js';
import { genderCategories } from '#shared/study/gender-categories.js';
import { maskDashboard, type RawCrossTable, type RawDashboard, type RawTable } from '#shared/study/masking.js';
import type { AttendanceTableId, StudyDashboard, StudyQuery } from '#shared/study/study.schema.js';
import { parisLocalToUtc } from '#shared/time/paris-time.js';
import type { Executor } from '../store/executor.js';
import {
  countParticipants,
  countSupports,
  groupPresentProfiles,
  groupProposals,
  groupSupporters,
  readScopeSummary,
  type ProfileGroupRow,
  type SupporterGroupRow,
  type StudyScopeFilter,
} from './study.repository.js';

export const residenceKeys = [
  ...Array.from({ length: 20 }, (_, i) => `arr-${i + 1}`),
  'paris',
  'outside_paris',
  'unknown',
] as const;

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The query's Paris calendar days as UTC bounds on the workshops' start times. */
export function scopeFilter(query: StudyQuery): StudyScopeFilter {
  const filter: StudyScopeFilter = {};
  if (query.scope === 'workshop' && query.workshopId) filter.workshopId = query.workshopId;
  if (query.scope === 'period' && query.from && query.to) {
    filter.startsFrom = parisLocalToUtc(`${query.from}T00:00`) ?? undefined;
    filter.startsBefore = parisLocalToUtc(`${nextDay(query.to)}T00:00`) ?? undefined;
  }
  if (query.arrondissement !== undefined) filter.arrondissement = query.arrondissement;
  return filter;
}

/**
 * Sums `n` per key, starting from the listed keys so that empty ones show. With a `fallback`
 * (one of the keys) the list is closed: a value outside it is counted there, never as a key of
 * its own, so a category of a table about people is always one this code names, never a text
 * found in the data. Without one (proposal themes: codes checked at every entry) other codes
 * found are added after the listed ones.
 */
function tally<T extends { n: number }>(rows: readonly T[], keys: readonly string[], keyOf: (row: T) => string, fallback?: string) {
  const counts = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const row of rows) {
    let key = keyOf(row);
    if (fallback !== undefined && !counts.has(key)) key = fallback;
    counts.set(key, (counts.get(key) ?? 0) + row.n);
  }
  return [...counts].map(([key, value]) => ({ key, value }));
}

function residenceKey(row: ProfileGroupRow): string {
  if (row.residence === 'paris') return row.residence_arrondissement ? `arr-${row.residence_arrondissement}` : 'paris';
  return row.residence === 'outside_paris' ? 'outside_paris' : 'unknown';
}

function attendanceTables(rows: readonly ProfileGroupRow[]): RawTable[] {
  const spec: Record<AttendanceTableId, { keys: readonly string[]; keyOf: (r: ProfileGroupRow) => string; fallback: string }> = {
    ageBracket: { keys: ageBrackets, keyOf: (r) => r.age_bracket, fallback: 'not_said' },
    residence: { keys: residenceKeys, keyOf: residenceKey, fallback: 'unknown' },
    livesInQpv: { keys: yesNoUnknown, keyOf: (r) => r.lives_in_qpv, fallback: 'unknown' },
    firstParticipation: { keys: yesNoUnknown, keyOf: (r) => r.first_participation, fallback: 'unknown' },
    gender: { keys: genderCategories, keyOf: (r) => r.gender, fallback: 'self_described' },
    neighbourhoodCouncilMember: { keys: yesNoUnknown, keyOf: (r) => r.neighbourhood_council_member, fallback: 'unknown' },
    associationMember: { keys: yesNoUnknown, keyOf: (r) => r.association_member, fallback: 'unknown' },
  };
  return (Object.keys(spec) as AttendanceTableId[]).map((id) => ({
    id,
    measure: 'people',
    cells: tally(rows, spec[id].keys, spec[id].keyOf, spec[id].fallback),
  }));
}

/** Rows are a closed list of profile categories (an unlisted value counts under `fallback`); columns are themes. */
function crossTable(
  id: RawCrossTable['id'],
  rowKeys: readonly string[],
  fallback: string,
  groups: readonly SupporterGroupRow[],
  rowOf: (g: SupporterGroupRow) => string,
): RawCrossTable {
  const rows = [...rowKeys];
  const rowIndex = (g: SupporterGroupRow) => (rows.includes(rowOf(g)) ? rows.indexOf(rowOf(g)) : rows.indexOf(fallback));
  const columns = [...new Set([...pbThemeCodes, ...groups.map((g) => g.theme_code)])];
  const values = rows.map(() => columns.map(() => 0));
  for (const g of groups) values[rowIndex(g)]![columns.indexOf(g.theme_code)]! += g.n;
  return { id, rows, columns, values };
}

/** The raw (unmasked) figures. Only this file and the tests ever see them. */
export async function computeRawDashboard(db: Executor, query: StudyQuery): Promise<RawDashboard> {
  const filter = scopeFilter(query);
  const [summary, participants, profiles, proposals, supportTotals, supporters] = await Promise.all([
    readScopeSummary(db, filter),
    countParticipants(db, filter),
    groupPresentProfiles(db, filter),
    groupProposals(db, filter),
    countSupports(db, filter),
    groupSupporters(db, filter),
  ]);
  const withProfile = profiles.reduce((sum, r) => sum + r.n, 0);
  return {
    query: {
      scope: query.scope,
      workshopId: query.scope === 'workshop' ? (query.workshopId ?? null) : null,
      workshopTitle: query.scope === 'workshop' ? summary.title : null,
      from: query.scope === 'period' ? (query.from ?? null) : null,
      to: query.scope === 'period' ? (query.to ?? null) : null,
      arrondissement: query.arrondissement ?? null,
    },
    workshops: summary.workshops,
    participants,
    withProfile,
    proposals: proposals.reduce((sum, r) => sum + r.n, 0),
    supports: supportTotals.supports,
    dots: supportTotals.dots,
    attendance: attendanceTables(profiles),
    proposalTables: [
      { id: 'theme', measure: 'proposals', cells: tally(proposals, pbThemeCodes, (r) => r.theme_code) },
      { id: 'neighbourhoodClass', measure: 'proposals', cells: tally(proposals, neighbourhoodClasses, (r) => r.neighbourhood_class, 'other') },
    ],
    supportTables: [
      crossTable('ageBracketByTheme', ageBrackets, 'not_said', supporters, (g) => g.age_bracket),
      crossTable('livesInQpvByTheme', yesNoUnknown, 'unknown', supporters, (g) => g.lives_in_qpv),
    ],
  };
}

export async function computeDashboard(db: Executor, query: StudyQuery): Promise<StudyDashboard> {
  return maskDashboard(await computeRawDashboard(db, query));
}
