/** One table of the study: its chart to look at, and beside it the same figures as a table to read. */
import { useTranslation } from 'react-i18next';
import { categoryLabel } from '../../../src-shared/study/study-labels';
import type { StudyTable } from '../../../src-shared/study/study.schema';
import { formatNumber } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { BarChart } from './BarChart';
import { MaskedValue } from './MaskedValue';

function share(value: number | null, total: number | null, language: 'fr' | 'en'): string {
  if (value === null || !total) return '';
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(value / total);
}

export function TableFigure({ table }: { table: StudyTable }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const title = t(`study.labels.${table.id}`);
  const rows = table.cells.map((cell) => ({ cell, label: categoryLabel(language, table.id, cell.key) }));
  const people = table.measure === 'people';
  return (
    <section className="study-figure" aria-labelledby={`study-${table.id}`} data-testid={`study-table-${table.id}`}>
      <h3 id={`study-${table.id}`} className="study-figure__title">
        {title}
      </h3>
      <div className="study-figure__body">
        <figure className="study-figure__chart">
          <BarChart bars={rows} />
          <figcaption className="visually-hidden">{t('study.chartOf', { title })}</figcaption>
        </figure>
        <table className="study-table">
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
                <td className="num">
                  <MaskedValue cell={cell} />
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
      </div>
    </section>
  );
}
