/**
 * The masked dashboard flattened into one long table (table, category, column, count, share)
 * for the CSV, the XLSX and the PDF. It reads only the masked dashboard: a masked cell has no
 * value to write, and its share is left empty too (a share would give the count back).
 */
import type { TFunction } from 'i18next';
import { arrondissementLabel } from '#shared/i18n/label-accessors.js';
import { categoryLabel, crossRowDimension } from '#shared/study/study-labels.js';
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

/** `t`: the translator of the file's language (src-shared/i18n/translator.ts). */
export function exportRows(d: StudyDashboard, t: TFunction): ExportRow[] {
  const rows: ExportRow[] = [];
  const headline = (key: 'workshops' | 'participants' | 'withProfile' | 'proposals' | 'supports' | 'dots', c: StudyCell) =>
    rows.push({ tableId: 'headline', table: t('study.tables.headline'), category: t(`study.headline.${key}`), column: '', count: c.value, masked: c.masked, share: null });
  headline('workshops', { key: 'workshops', value: d.workshops, masked: false });
  headline('participants', d.headline.participants);
  headline('withProfile', d.headline.withProfile);
  headline('proposals', { key: 'proposals', value: d.headline.proposals, masked: false });
  headline('supports', { key: 'supports', value: d.headline.supports, masked: false });
  headline('dots', { key: 'dots', value: d.headline.dots, masked: false });

  for (const table of [...d.attendance, ...d.proposals]) {
    for (const c of table.cells) {
      rows.push({ tableId: table.id, table: t(`study.tables.${table.id}`), category: categoryLabel(t, table.id, c.key), column: '', count: c.value, masked: c.masked, share: share(c, table.total) });
    }
    rows.push({ tableId: table.id, table: t(`study.tables.${table.id}`), category: t('study.total'), column: '', count: table.total.value, masked: table.total.masked, share: null });
  }
  for (const x of d.supports) {
    x.rows.forEach((r, i) => {
      x.columns.forEach((col, j) => {
        rows.push({
          tableId: x.id,
          table: t(`study.tables.${x.id}`),
          category: categoryLabel(t, crossRowDimension[x.id], r),
          column: categoryLabel(t, 'theme', col),
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
export function scopeLine(d: StudyDashboard, t: TFunction): string {
  const q = d.query;
  const parts = [
    q.scope === 'workshop'
      ? t('study.files.scope.workshop', { title: q.workshopTitle ?? q.workshopId })
      : q.scope === 'period'
        ? t('study.files.scope.period', { from: q.from, to: q.to })
        : t('study.files.scope.all'),
  ];
  if (q.arrondissement !== null) parts.push(t('study.files.scope.arrondissement', { arrondissement: arrondissementLabel(t, q.arrondissement) }));
  return parts.join(' — ');
}

/** What a file writes in place of a count: the number, « < 5 » or « masqué ». */
export function countText(row: Pick<ExportRow, 'count' | 'masked'>, t: TFunction): string | number {
  if (row.masked === 'small') return t('study.files.masked');
  if (row.masked === 'complement') return t('study.files.complement');
  return row.count ?? '';
}
