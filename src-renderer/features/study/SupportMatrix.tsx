/**
 * Supporters by profile group × theme, as one table: a theme per row (11), a group per column
 * (at most 7, with short names that wrap), and in each cell a dot whose area grows with the
 * number of people, the number printed in it — like the dots on the workshop's wall. The
 * table is what a screen reader reads and what the eye sees: no drawing beside it to cut its
 * labels or shrink its text, and it fits a 1024 px window. Masked cells draw a dashed ring
 * and say « < 5 ».
 */
import { useTranslation } from 'react-i18next';
import { categoryLabel, crossRowDimension } from '#shared/study/study-labels.js';
import type { StudyCell, StudyCrossTable } from '#shared/study/study.schema.js';
import { MaskedValue } from './MaskedValue';

const SIZE = 44;

function Dot({ cell, max }: { cell: StudyCell; max: number }) {
  const r = cell.masked ? SIZE / 2 - 2 : 6 + Math.sqrt((cell.value ?? 0) / max) * (SIZE / 2 - 8);
  return (
    <svg className="study-dot" width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`} aria-hidden="true" focusable="false">
      {cell.masked ? (
        <circle className="study-dot__ring" cx={SIZE / 2} cy={SIZE / 2} r={r} />
      ) : cell.value ? (
        <circle className="study-dot__fill" cx={SIZE / 2} cy={SIZE / 2} r={r} />
      ) : null}
    </svg>
  );
}

export function SupportMatrix({ table }: { table: StudyCrossTable }) {
  const { t } = useTranslation();
  const title = t(`study.tables.${table.id}`);
  const rowLabel = (r: string) => categoryLabel(t, crossRowDimension[table.id], r);
  const themeLabel = (c: string) => categoryLabel(t, 'theme', c);
  const max = Math.max(1, ...table.cells.flat().map((c) => c.value ?? 0));
  return (
    <section className="study-figure study-figure--wide" aria-labelledby={`study-${table.id}`} data-testid={`study-table-${table.id}`}>
      <h3 id={`study-${table.id}`} className="study-figure__title">
        {title}
      </h3>
      <table className="study-table study-table--matrix">
        <caption className="visually-hidden">{t('study.tableOf', { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('study.theme')}</th>
            {table.rows.map((r) => (
              <th key={r} scope="col" className="study-table__group">
                {rowLabel(r)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.columns.map((c, j) => (
            <tr key={c}>
              <th scope="row">{themeLabel(c)}</th>
              {table.rows.map((r, i) => {
                const cell = table.cells[i]![j]!;
                return (
                  <td key={r} className="study-table__dot">
                    <span className="study-dot-cell">
                      <Dot cell={cell} max={max} />
                      <span className="study-dot-cell__value">
                        <MaskedValue cell={cell} />
                      </span>
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
