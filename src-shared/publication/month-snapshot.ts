/**
 * The publication's generator, pure: the figures of one month from its records, and the
 * year's report from the months' published versions. Counts by code only (workshop kind,
 * arrondissement, proposal status, case state); the study's counts of people are masked by
 * src-shared/study/masking.ts, never here.
 */
import { cell, maskPartition, peopleCell } from '../study/masking.js';
import { proposalStatuses, type ProposalStatus } from '../proposals/proposal.schema.js';
import { parisLocalToUtc, utcToParisLocal } from '../time/paris-time.js';
import { workshopKinds, type WorkshopKind } from '../workshops/workshop.schema.js';
import type { CaseAdvanced, MonthFigures, PublicationSnapshot, YearFigures, YearMonth } from './publication.schema.js';

export interface SourceWorkshop {
  id: string;
  kind: WorkshopKind;
  title: string;
  startsAt: string;
  arrondissement: number;
  status: string;
}
export interface SourceProposal {
  id: string;
  workshopId: string | null;
  /** Null for a proposal for all Paris. */
  arrondissement: number | null;
  status: ProposalStatus;
}
export interface MonthSources {
  workshops: readonly SourceWorkshop[];
  /** People present per workshop (the study's count: checked in plus the anonymous count), raw. */
  participants: readonly { workshopId: string; count: number }[];
  proposals: readonly SourceProposal[];
  cases: readonly CaseAdvanced[];
}

/** The month's first instant and the next month's, in UTC, from Paris midnights. */
export function monthBounds(month: string): { fromIso: string; toIso: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { fromIso: parisLocalToUtc(`${month}-01T00:00`)!, toIso: parisLocalToUtc(`${next}-01T00:00`)! };
}

/** The Paris month (`YYYY-MM`) an instant falls in. */
export const parisMonthOf = (iso: string) => utcToParisLocal(iso).slice(0, 7);

export const monthsOfYear = (year: string) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/** The month's figures. Workshops held: started in the Paris month and not cancelled. */
export function monthSnapshot(sources: MonthSources, month: string): MonthFigures {
  const held = sources.workshops
    .filter((w) => w.status !== 'cancelled' && parisMonthOf(w.startsAt) === month)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  const kindOf = new Map(held.map((w) => [w.id, w.kind]));
  const kindsHeld = workshopKinds.filter((k) => held.some((w) => w.kind === k));

  const perKind = new Map<WorkshopKind, number>(kindsHeld.map((k) => [k, 0]));
  for (const p of sources.participants) {
    const kind = kindOf.get(p.workshopId);
    if (kind) perKind.set(kind, perKind.get(kind)! + p.count);
  }
  const kindValues = kindsHeld.map((k) => perKind.get(k)!);
  const masks = maskPartition(kindValues);
  const totalPeople = kindValues.reduce((a, b) => a + b, 0);

  const proposals = sources.proposals.filter((p) => p.workshopId !== null && kindOf.has(p.workshopId));
  const byArr = new Map<number, number>();
  for (const p of proposals) if (p.arrondissement !== null) byArr.set(p.arrondissement, (byArr.get(p.arrondissement) ?? 0) + 1);
  const byStatus = proposalStatuses.map((status) => ({ status, count: proposals.filter((p) => p.status === status).length })).filter((s) => s.count > 0);

  const states = [...new Set(sources.cases.map((c) => c.state))].sort();
  return {
    month,
    workshops: {
      total: held.length,
      byKind: kindsHeld.map((kind) => ({ kind, count: held.filter((w) => w.kind === kind).length })),
      list: held.map((w) => ({ id: w.id, kind: w.kind, title: w.title, startsAt: w.startsAt, arrondissement: w.arrondissement })),
    },
    participation: {
      total: peopleCell('total', totalPeople),
      byKind: kindsHeld.map((k, i) => cell(k, kindValues[i]!, masks[i]!)),
    },
    proposals: {
      total: proposals.length,
      byArrondissement: [...byArr].sort((a, b) => a[0] - b[0]).map(([arrondissement, count]) => ({ arrondissement, count })),
      parisWide: proposals.filter((p) => p.arrondissement === null).length,
      byStatus,
    },
    cases: {
      total: sources.cases.length,
      byState: states.map((state) => ({ state, count: sources.cases.filter((c) => c.state === state).length })),
      list: sources.cases.map((c) => ({ id: c.id, title: c.title, direction: c.direction, state: c.state, journalEntries: c.journalEntries.length, decisions: c.decisions.map((d) => ({ on: d.on, text: d.text })) })),
    },
  };
}

/** The year's report from each month's last published snapshot (`null`: not published). */
export function yearSnapshot(year: string, published: ReadonlyMap<string, { version: number; snapshot: PublicationSnapshot }>): YearFigures {
  const months: YearMonth[] = monthsOfYear(year).map((month) => {
    const p = published.get(month);
    const f = p?.snapshot.figures.kind === 'month' ? p.snapshot.figures.month : null;
    if (!p || !f) return { month, version: null, workshops: null, participants: null, proposals: null, cases: null };
    return { month, version: p.version, workshops: f.workshops.total, participants: f.participation.total, proposals: f.proposals.total, cases: f.cases.total };
  });
  const figures = [...published.values()].flatMap((p) => (p.snapshot.figures.kind === 'month' ? [p.snapshot.figures.month] : [])).filter((f) => f.month.startsWith(`${year}-`));
  const byKind = new Map<WorkshopKind, number>();
  const byArr = new Map<number, number>();
  for (const f of figures) {
    for (const k of f.workshops.byKind) byKind.set(k.kind, (byKind.get(k.kind) ?? 0) + k.count);
    for (const a of f.proposals.byArrondissement) byArr.set(a.arrondissement, (byArr.get(a.arrondissement) ?? 0) + a.count);
  }
  const shownMonths = months.filter((m) => m.participants !== null);
  return {
    year,
    months,
    missing: months.filter((m) => m.version === null).map((m) => m.month),
    workshops: { total: figures.reduce((s, f) => s + f.workshops.total, 0), byKind: workshopKinds.filter((k) => byKind.has(k)).map((kind) => ({ kind, count: byKind.get(kind)! })) },
    participation: {
      shown: shownMonths.reduce((s, m) => s + (m.participants!.value ?? 0), 0),
      atLeast: shownMonths.some((m) => m.participants!.value === null),
    },
    proposals: {
      total: figures.reduce((s, f) => s + f.proposals.total, 0),
      byArrondissement: [...byArr].sort((a, b) => a[0] - b[0]).map(([arrondissement, count]) => ({ arrondissement, count })),
      parisWide: figures.reduce((s, f) => s + f.proposals.parisWide, 0),
    },
    cases: { total: figures.reduce((s, f) => s + f.cases.total, 0) },
  };
}
