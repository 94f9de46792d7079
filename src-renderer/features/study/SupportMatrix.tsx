/**
 * Supporters by profile group × theme: a dot matrix (a dot's area grows with the number of
 * people, and the number is printed in it — like the dots on the workshop's wall), and the
 * same grid as a table. Masked cells draw a dashed ring and print « < 5 ».
 */
import { useTranslation } from 'react-i18next';
import { categoryLabel, crossRowDimension, studyLabels } from '../../../src-shared/study/study-labels';
import type { StudyCrossTable } from '../../../src-shared/study/study.schema';
import { formatNumber } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { MaskedValue } from './MaskedValue';

const CELL = 58;
const HEAD = 150;
const TOP = 96;

export function SupportMatrix({ table }: { table: StudyCrossTable }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const title = t(`study.labels.${table.id}`);
  const rowLabel = (r: string) => categoryLabel(language, crossRowDimension[table.id], r);
  const themeLabel = (c: string) => categoryLabel(language, 'theme', c);
  const max = Math.max(1, ...table.cells.flat().map((c) => c.value ?? 0));
  const width = HEAD + table.columns.length * CELL;
  const height = TOP + table.rows.length * CELL;
  return (
    <section className="study-figure study-figure--wide" aria-labelledby={`study-${table.id}`} data-testid={`study-table-${table.id}`}>
      <h3 id={`study-${table.id}`} className="study-figure__title">
        {title}
      </h3>
      <figure className="study-figure__chart">
        <svg className="dot-matrix" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
          {table.columns.map((c, j) => (
            <text key={c} className="dot-matrix__head" transform={`translate(${HEAD + j * CELL + CELL / 2}, ${TOP - 8}) rotate(-40)`}>
              {themeLabel(c).length > 16 ? `${themeLabel(c).slice(0, 15)}…` : themeLabel(c)}
            </text>
          ))}
          {table.rows.map((r, i) => (
            <g key={r}>
              <text className="dot-matrix__label" x={HEAD - 8} y={TOP + i * CELL + CELL / 2} textAnchor="end" dominantBaseline="middle">
                {rowLabel(r)}
              </text>
              {table.cells[i]!.map((cell, j) => {
                const cx = HEAD + j * CELL + CELL / 2;
                const cy = TOP + i * CELL + CELL / 2;
                if (cell.masked) {
                  return (
                    <g key={cell.key}>
                      <circle className="dot-matrix__ring" cx={cx} cy={cy} r={CELL / 2 - 8} />
                      <text className="dot-matrix__value dot-matrix__value--masked" x={cx} y={cy} textAnchor="middle" dominantBaseline="middle">
                        {cell.masked === 'small' ? studyLabels[language].masked : '—'}
                      </text>
                    </g>
                  );
                }
                const r = 8 + Math.sqrt((cell.value ?? 0) / max) * (CELL / 2 - 10);
                return (
                  <g key={cell.key}>
                    <circle className="dot-matrix__dot" cx={cx} cy={cy} r={r} />
                    <text className="dot-matrix__value" x={cx} y={cy} textAnchor="middle" dominantBaseline="middle">
                      {formatNumber(cell.value ?? 0, language)}
                    </text>
                  </g>
                );
              })}
            </g>
          ))}
        </svg>
        <figcaption className="visually-hidden">{t('study.chartOf', { title })}</figcaption>
      </figure>
      <div className="study-table__scroll" tabIndex={0} role="region" aria-label={t('study.tableOf', { title })}>
        <table className="study-table study-table--matrix">
          <caption className="visually-hidden">{t('study.tableOf', { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('study.theme')}</th>
              {table.rows.map((r) => (
                <th key={r} scope="col" className="num">
                  {rowLabel(r)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.columns.map((c, j) => (
              <tr key={c}>
                <th scope="row">{themeLabel(c)}</th>
                {table.rows.map((r, i) => (
                  <td key={r} className="num">
                    <MaskedValue cell={table.cells[i]![j]!} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
