/**
 * Small-cell masking: the ONE place where the study decides what may be shown. The dashboard
 * and every export (CSV, XLSX, PDF) are built from the output of `maskDashboard`, so no file
 * can show a number the screen hides.
 *
 * The rules, and why:
 * 1. Primary suppression — any count of people under `SMALL_CELL_THRESHOLD` (5), zero
 *    included, is masked. Zero is masked too: if only 1–4 were masked, a masked cell would
 *    be known to be at least 1, and a masked pair adding up to 2 would be two 1s.
 * 2. Complementary suppression — in a one-way table the cells add up to a total that is
 *    known (shown, or the same total as another table), so the masked cells add up to a
 *    known sum D = total − the cells shown. That sum is itself a group of people (« not in
 *    any shown cell »), and it can pin a cell: one masked cell is D; k cells in 0–4 adding up
 *    to 4k are all 4. So when 0 < D < 5, or D = 4 × the number of masked cells, the smallest
 *    cell shown is masked too (a « complement », always 5 or more). Then D ≥ 5 and one masked
 *    cell has no upper bound, so no masked cell can be pinned and no union of masked cells is
 *    a group under five. When D = 0 the masked cells are all 0: that reveals nobody.
 * 3. The same total for every attendance table is the number of people with a profile; when
 *    it is under 5 it is masked everywhere (headline included).
 * 4. Cross tables of supporters count distinct people per cell; a person may support
 *    several themes, so rows and columns do not add up, no margin is shown, and primary
 *    suppression is enough (nothing to subtract from).
 * Known edge: a table whose every cell is masked and whose total is exactly 4 × its number of
 * cells can only be all 4s (e.g. 12 people, 4 in each of yes/no/unknown); it needs exactly
 * that total and is documented rather than hidden.
 * Counts of proposals are ideas posted on the City's public platform, not people: they are
 * never masked. Known limit (docs/data-protection.md): comparing two overlapping queries (a
 * period and the same period plus one workshop) can reveal the difference; the dashboard is
 * for the Lab's desks only (study data is pulled only by lab desktops).
 */
import type { MaskReason, StudyCell, StudyCrossTable, StudyDashboard, StudyTable } from './study.schema.js';

export const SMALL_CELL_THRESHOLD = 5;

export interface RawTable {
  id: StudyTable['id'];
  measure: StudyTable['measure'];
  cells: { key: string; value: number }[];
}

export interface RawCrossTable {
  id: StudyCrossTable['id'];
  rows: string[];
  columns: string[];
  values: number[][];
}

/** The figures before masking: only the core ever holds them, never the wire or a file. */
export interface RawDashboard {
  query: StudyDashboard['query'];
  workshops: number;
  participants: number;
  withProfile: number;
  proposals: number;
  supports: number;
  dots: number;
  attendance: RawTable[];
  proposalTables: RawTable[];
  supportTables: RawCrossTable[];
}

const isSmall = (value: number) => value < SMALL_CELL_THRESHOLD;

/**
 * Which cells of a partition (cells adding up to a known total) must be masked, and why:
 * rules 1 and 2 above. Pure and deterministic: ties on the complementary cell go to the
 * first one. A complement is always five or more, and is labelled as such (« masqué », not
 * « < 5 »): the reasoning of rule 2 already assumes a reader knows it.
 */
export function maskPartition(values: readonly number[]): (MaskReason | false)[] {
  const masked: (MaskReason | false)[] = values.map((v) => (isSmall(v) ? 'small' : false));
  const smallCount = masked.filter(Boolean).length;
  const hidden = values.reduce((sum, v, i) => (masked[i] ? sum + v : sum), 0);
  const pinned = hidden === smallCount * (SMALL_CELL_THRESHOLD - 1);
  if (hidden === 0 || (!isSmall(hidden) && !pinned)) return masked;
  let smallest = -1;
  values.forEach((v, i) => {
    if (!masked[i] && (smallest === -1 || v < values[smallest]!)) smallest = i;
  });
  if (smallest !== -1) masked[smallest] = 'complement';
  return masked;
}

export function cell(key: string, value: number, masked: MaskReason | false): StudyCell {
  return masked ? { key, value: null, masked } : { key, value, masked: false };
}

/** A count of people on its own: masked when under the threshold. */
export function peopleCell(key: string, value: number): StudyCell {
  return cell(key, value, isSmall(value) ? 'small' : false);
}

export function maskTable(raw: RawTable, total: StudyCell): StudyTable {
  const values = raw.cells.map((c) => c.value);
  const masked = raw.measure === 'people' ? maskPartition(values) : values.map(() => false as const);
  return {
    id: raw.id,
    measure: raw.measure,
    cells: raw.cells.map((c, i) => cell(c.key, c.value, masked[i]!)),
    total,
  };
}

export function maskCrossTable(raw: RawCrossTable): StudyCrossTable {
  return {
    id: raw.id,
    rows: raw.rows,
    columns: raw.columns,
    cells: raw.values.map((row, r) => row.map((v, c) => peopleCell(`${raw.rows[r]}|${raw.columns[c]}`, v))),
  };
}

/** The whole dashboard, masked: the only shape that leaves the core. */
export function maskDashboard(raw: RawDashboard): StudyDashboard {
  const withProfile = peopleCell('withProfile', raw.withProfile);
  return {
    query: raw.query,
    workshops: raw.workshops,
    threshold: SMALL_CELL_THRESHOLD,
    headline: {
      participants: peopleCell('participants', raw.participants),
      withProfile,
      proposals: raw.proposals,
      supports: raw.supports,
      dots: raw.dots,
    },
    attendance: raw.attendance.map((t) => maskTable(t, { ...withProfile, key: 'total' })),
    proposals: raw.proposalTables.map((t) =>
      maskTable(t, cell('total', t.cells.reduce((sum, c) => sum + c.value, 0), false)),
    ),
    supports: raw.supportTables.map(maskCrossTable),
  };
}
