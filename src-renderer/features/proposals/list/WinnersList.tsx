/** « Déjà financé ici »: past winners near the workshop, as a list beside the map. */
import { useTranslation } from 'react-i18next';
import type { Winner } from '#shared/reference/reference.schema.js';
import { formatNumber } from '#renderer/app/format.js';
import { currentLanguage } from '#renderer/app/i18n.js';
import { formatEurosFromCents } from '../format';

export function WinnersList({ items }: { items: readonly Winner[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (items.length === 0) return <p>{t('proposals.winners.none')}</p>;
  return (
    <ul className="winner-list">
      {items.map((w) => (
        <li key={w.id} className="winner-list__item">
          <strong>{w.title ?? t('proposals.winners.untitled')}</strong>
          {w.inQpv ? (
            <>
              {' '}
              <span className="proposal-badge proposal-badge--qpv">
                <abbr title={t('proposals.qpvBadge')}>{t('proposals.qpv')}</abbr>
              </span>
            </>
          ) : null}
          <p className="winner-list__meta">
            {t('proposals.winners.edition', { year: w.edition })} · {t(`labels.themes.${w.themeCode}`)}
            {w.budgetEuros !== null ? ` · ${formatEurosFromCents(w.budgetEuros * 100)}` : ''}
            {w.distanceMetres !== null
              ? ` · ${t('proposals.winners.distance', { metres: formatNumber(Math.round(w.distanceMetres / 10) * 10, language) })}`
              : w.lon === null
                ? ` · ${t('proposals.winners.unplaced')}`
                : ''}
          </p>
          {w.address ? <p className="winner-list__meta">{w.address}</p> : null}
        </li>
      ))}
    </ul>
  );
}
