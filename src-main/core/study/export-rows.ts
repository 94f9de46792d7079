/**
 * The masked dashboard flattened into one long table (table, category, column, count, share)
 * for the CSV, the XLSX and the PDF. It reads only the masked dashboard: a masked cell has no
 * value to write, and its share is left empty too (a share would give the count back).
 */
import { categoryLabel, crossRowDimension, studyLabels, type StudyLanguage } from '#shared/study/study-labels.js';
import type { StudyCell, StudyDashboard } from '#shared/study/study.schema.js';

export interface ExportRow {
  /** Stable id of the table (for grouping); `table` is its label. */
  tableId: string;
  table: string;
  category: string;
  column: string;
  /** null: masked, for `masked`'s reason. */
  count: number | null;
  masked: StudyCell['masked'];
  /** Percentage of the table's total, one decimal; null when masked or not meaningful. */
  share: number | null;
}

const share = (c: StudyCell, total: StudyCell) =>
  c.masked || total.masked || !total.value ? null : Math.round((c.value! / total.value) * 1000) / 10;

export function exportRows(d: StudyDashboard, language: StudyLanguage): ExportRow[] {
  const l = studyLabels[language];
  const rows: ExportRow[] = [];
  const headline = (key: keyof typeof l.headline, c: StudyCell) =>
    rows.push({ tableId: 'headline', table: l.tables.headline, category: l.headline[key], column: '', count: c.value, masked: c.masked, share: null });
  headline('workshops', { key: 'workshops', value: d.workshops, masked: false });
  headline('participants', d.headline.participants);
  headline('withProfile', d.headline.withProfile);
  headline('proposals', { key: 'proposals', value: d.headline.proposals, masked: false });
  headline('supports', { key: 'supports', value: d.headline.supports, masked: false });
  headline('dots', { key: 'dots', value: d.headline.dots, masked: false });

  for (const t of [...d.attendance, ...d.proposals]) {
    for (const c of t.cells) {
      rows.push({ tableId: t.id, table: l.tables[t.id], category: categoryLabel(language, t.id, c.key), column: '', count: c.value, masked: c.masked, share: share(c, t.total) });
    }
    rows.push({ tableId: t.id, table: l.tables[t.id], category: l.total, column: '', count: t.total.value, masked: t.total.masked, share: null });
  }
  for (const x of d.supports) {
    x.rows.forEach((r, i) => {
      x.columns.forEach((col, j) => {
        rows.push({
          tableId: x.id,
          table: l.tables[x.id],
          category: categoryLabel(language, crossRowDimension[x.id], r),
          column: categoryLabel(language, 'theme', col),
          count: x.cells[i]![j]!.value,
          masked: x.cells[i]![j]!.masked,
          share: null,
        });
      });
    });
  }
  return rows;
}

/** One line saying what the figures cover, for the files' headers. */
export function scopeLine(d: StudyDashboard, language: StudyLanguage): string {
  const l = studyLabels[language];
  const q = d.query;
  const parts = [
    q.scope === 'workshop' ? `${l.scope.workshop}\u00a0: ${q.workshopTitle ?? q.workshopId}` : q.scope === 'period' ? `${l.scope.period}\u00a0: ${q.from} → ${q.to}` : l.scope.all,
  ];
  if (q.arrondissement !== null) parts.push(`${l.scope.arrondissement} ${l.arrondissement(q.arrondissement)}`);
  return language === 'en' ? parts.join(' — ').replace('\u00a0:', ':') : parts.join(' — ');
}

/** What a file writes in place of a count: the number, « < 5 » or « masqué ». */
export function countText(row: Pick<ExportRow, 'count' | 'masked'>, language: StudyLanguage): string | number {
  const l = studyLabels[language];
  if (row.masked === 'small') return l.masked;
  if (row.masked === 'complement') return l.complement;
  return row.count ?? '';
}
