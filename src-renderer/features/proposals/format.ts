/** How proposals read on screen: amounts « 12 500 € », places « 18e arrondissement · QPV Goutte D'Or ». */
import type { TFunction } from 'i18next';
import type { Proposal } from '#shared/proposals/proposal.schema.js';
import { arrondissementLabel, themeLabel } from '#shared/i18n/label-accessors.js';
import { localeOf } from '#shared/i18n/languages.js';
import { pbThemeCodes } from '#shared/reference/pb-themes.js';
import { currentLanguage } from '#renderer/app/i18n.js';

export function formatEurosFromCents(cents: number): string {
  const euros = cents / 100;
  return new Intl.NumberFormat(localeOf[currentLanguage()], {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: Number.isInteger(euros) ? 0 : 2,
  }).format(euros);
}

export function describePlace(t: TFunction, p: Pick<Proposal, 'locationType' | 'arrondissement' | 'addressLabel'>): string {
  const parts: string[] = [];
  if (p.addressLabel) parts.push(p.addressLabel);
  if (p.arrondissement) parts.push(arrondissementLabel(t, p.arrondissement));
  else if (p.locationType === 'paris') parts.push(t('proposals.allParis'));
  return parts.length ? parts.join(' · ') : t('proposals.noPlace');
}

/** The participatory budget's themes as choices, in their official order. */
export const themeOptions = (t: TFunction) => pbThemeCodes.map((code) => ({ id: code, label: themeLabel(t, code) }));
