/** The workshops as a table: when, what (a link to the detail), where, status. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Workshop } from '#shared/workshops/workshop.schema.js';
import { arrondissementLabel } from '#shared/i18n/label-accessors.js';
import { formatRange } from '#renderer/app/format.js';
import { currentLanguage } from '#renderer/app/i18n.js';
import { StatusBadge } from '../StatusBadge';

export function WorkshopTable({ items }: { items: readonly Workshop[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <table className="data-table workshop-table">
      <caption className="visually-hidden">{t('workshops.list.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('workshops.list.colWhen')}</th>
          <th scope="col">{t('workshops.list.colTitle')}</th>
          <th scope="col">{t('workshops.list.colPlace')}</th>
          <th scope="col">{t('workshops.list.colStatus')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((w) => (
          <tr key={w.id} data-testid="workshop-row">
            <td className="workshop-table__when">{formatRange(w.startsAt, w.endsAt, language)}</td>
            <td>
              <Link to={`/workshops/${w.id}`} className="workshop-table__title">
                {w.title}
              </Link>
              <span className="workshop-table__kind">{t(`labels.workshopKinds.${w.kind}`)}</span>
            </td>
            <td>
              {w.venueName}
              <span className="workshop-table__arr">{arrondissementLabel(t, w.arrondissement)}</span>
            </td>
            <td>
              <StatusBadge status={w.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
