/** A count of people masked under five: « < 5 » to the eye, « masqué (moins de 5) » to a screen reader. */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '#renderer/app/format.js';
import { currentLanguage } from '#renderer/app/i18n.js';

export function Masked({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value !== null) return <>{formatNumber(value, currentLanguage())}</>;
  return (
    <span className="charter-masked" data-masked="true">
      <span aria-hidden="true">{t('charter.results.masked')}</span>
      <span className="visually-hidden">{t('charter.results.maskedLong')}</span>
    </span>
  );
}

export function percent(share: number): string {
  return new Intl.NumberFormat(currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
