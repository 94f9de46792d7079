/**
 * One table of the study, drawn as a bar table: each row reads « category — count — share » as
 * any table does, and a bar beside the count shows the same figure to the eye (its length and
 * the printed number carry it together: nothing by colour alone). One table, not a chart plus
 * a copy of it: the labels are text that wraps instead of being cut at the edge of a drawing,
 * every word is at the page's own size (16 px or more, whatever the window's width), and the
 * dashboard is half as long. A masked cell draws no bar and says « < 5 » or « masqué ».
 * The bar is an SVG sized by attributes (a percentage width), never a style attribute: the
 * strict CSP forbids those.
 */
import { useTranslation } from 'react-i18next';
import { localeOf, type Language } from '#shared/i18n/languages.js';
import { categoryLabel } from '#shared/study/study-labels.js';
import type { StudyCell, StudyTable } from '#shared/study/study.schema.js';
import { formatNumber } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { MaskedValue } from './MaskedValue';

function share(value: number | null, total: number | null, language: Language): string {
  if (value === null || !total) return '';
  return new Intl.NumberFormat(localeOf[language], { style: 'percent', maximumFractionDigits: 1 }).format(value / total);
}

/** The bar beside a count, as long as the count is against the largest of its table. */
export function Bar({ cell, max }: { cell: StudyCell; max: number }) {
  const width = cell.masked || !cell.value ? 0 : Math.max(1, Math.round((cell.value / max) * 1000) / 10);
  return (
    <svg className="study-bar" width="100%" height="14" aria-hidden="true" focusable="false">
      {width > 0 ? <rect className="study-bar__fill" x="0" y="0" width={`${width}%`} height="14" rx="2" /> : null}
    </svg>
  );
}

export function TableFigure({ table }: { table: StudyTable }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const title = t(`study.tables.${table.id}`);
  const rows = table.cells.map((cell) => ({ cell, label: categoryLabel(t, table.id, cell.key) }));
  const max = Math.max(1, ...table.cells.map((c) => c.value ?? 0));
  const people = table.measure === 'people';
  return (
    <section className="study-figure" aria-labelledby={`study-${table.id}`} data-testid={`study-table-${table.id}`}>
      <h3 id={`study-${table.id}`} className="study-figure__title">
        {title}
      </h3>
      <table className="study-table study-table--bars">
        <caption className="visually-hidden">{t('study.tableOf', { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('study.category')}</th>
            <th scope="col" className="num">
              {people ? t('study.count') : t('study.proposalsCount')}
            </th>
            <th scope="col" className="num">
              {t('study.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ cell, label }) => (
            <tr key={cell.key} data-key={cell.key}>
              <th scope="row">{label}</th>
              <td className="num study-table__count">
                <span className="study-table__count-line">
                  <span className="study-table__bar">
                    <Bar cell={cell} max={max} />
                  </span>
                  <span className="study-table__value">
                    <MaskedValue cell={cell} />
                  </span>
                </span>
              </td>
              <td className="num">{table.total.masked ? '' : share(cell.value, table.total.value, language)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('study.total')}</th>
            <td className="num">
              <MaskedValue cell={table.total} />
            </td>
            <td className="num">{table.total.masked || !table.total.value ? '' : formatNumber(100, language) + '\u00a0%'}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
