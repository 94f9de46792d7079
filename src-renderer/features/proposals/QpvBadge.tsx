/** The mark a QPV proposal carries everywhere it is shown: a word, not only a colour. */
import { useTranslation } from 'react-i18next';
import type { Proposal } from '#shared/proposals/proposal.schema.js';

export function NeighbourhoodBadge({ proposal }: { proposal: Pick<Proposal, 'neighbourhoodClass'> }) {
  const { t } = useTranslation();
  if (proposal.neighbourhoodClass === 'qpv') {
    return (
      <span className="proposal-badge proposal-badge--qpv">
        <abbr title={t('proposals.qpvBadge')}>{t('proposals.qpv')}</abbr>
      </span>
    );
  }
  if (proposal.neighbourhoodClass === 'veille_active') return <span className="proposal-badge proposal-badge--veille">{t('proposals.veilleActive')}</span>;
  return null;
}
