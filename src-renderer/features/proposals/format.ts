/** How proposals read on screen: amounts « 12 500 € », places « 18e arrondissement · QPV Goutte D'Or ». */
import type { TFunction } from 'i18next';
import type { Proposal } from '#shared/proposals/proposal.schema.js';
import { formatArrondissement, localeOf } from '../../app/format';
import { currentLanguage } from '../../app/i18n';

export function formatEurosFromCents(cents: number): string {
  const euros = cents / 100;
  return new Intl.NumberFormat(localeOf(currentLanguage()), {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: Number.isInteger(euros) ? 0 : 2,
  }).format(euros);
}

export function describePlace(t: TFunction, p: Pick<Proposal, 'locationType' | 'arrondissement' | 'addressLabel'>): string {
  const parts: string[] = [];
  if (p.addressLabel) parts.push(p.addressLabel);
  if (p.arrondissement) parts.push(formatArrondissement(p.arrondissement, currentLanguage()));
  else if (p.locationType === 'paris') parts.push(t('proposals.allParis'));
  return parts.length ? parts.join(' · ') : t('proposals.noPlace');
}
