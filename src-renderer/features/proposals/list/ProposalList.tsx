/**
 * The accessible twin of the map: every proposal on the map (and those without a point) as a
 * list, with the status steps a facilitator takes at the workshop (draft → ready → submitted).
 * A project shows the proposals it groups.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Proposal, ProposalStatus } from '#shared/proposals/proposal.schema.js';
import { invoke } from '#renderer/api/client.js';
import { translateError } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { describePlace, formatEurosFromCents } from '../format';
import { NeighbourhoodBadge } from '../QpvBadge';

/** The next steps taken at the workshop; the portal's decisions come back through the sync. */
const STEPS: Partial<Record<ProposalStatus, ('ready' | 'draft' | 'submitted')[]>> = {
  draft: ['ready'],
  ready: ['submitted', 'draft'],
};

export interface ProposalListProps {
  /** Live proposals, merged originals included (they are shown under their project). */
  items: readonly Proposal[];
  editBase: (p: Proposal) => string | null;
}

export function ProposalList({ items, editBase }: ProposalListProps) {
  const { t } = useTranslation();
  const notice = useNotice();
  const shown = items.filter((p) => p.status !== 'merged');
  const originalsOf = (id: string) => items.filter((p) => p.mergedInto === id);

  const step = (p: Proposal, status: 'ready' | 'draft' | 'submitted') =>
    void invoke('proposals:setStatus', { id: p.id, version: p.version, status }).then((r) => {
      if (!r.ok) notice.show({ tone: 'error', message: (tr) => translateError(tr, r.error, 'proposal') });
    });

  return (
    <ul className="proposal-list">
      {shown.map((p) => {
        const edit = editBase(p);
        const originals = p.kind === 'project' ? originalsOf(p.id) : [];
        return (
          <li key={p.id} className="proposal-list__item">
            <div className="proposal-list__row">
              <h3 className="proposal-list__title">{p.title}</h3>
              <NeighbourhoodBadge proposal={p} />
              {p.kind === 'project' ? <span className="proposal-badge proposal-badge--project">{t('proposals.project')}</span> : null}
              <span className="proposal-badge proposal-badge--status">{t(`labels.proposalStatuses.${p.status}`)}</span>
            </div>
            <p className="proposal-list__meta">
              {t(`labels.themes.${p.themeCode}`)} · {describePlace(t, p)}
              {p.estimatedCostCents !== null ? ` · ${t('proposals.cost', { amount: formatEurosFromCents(p.estimatedCostCents) })}` : ''}
            </p>
            {originals.length ? (
              <p className="proposal-list__meta">{t('proposals.originals', { titles: originals.map((o) => t('proposals.quoted', { title: o.title })).join(', ') })}</p>
            ) : null}
            <div className="proposal-list__row">
              {edit ? (
                <Link to={edit} className="button button--quiet" aria-label={t('proposals.statusActionFor', { action: t('proposals.edit'), title: p.title })}>
                  {t('proposals.edit')}
                </Link>
              ) : null}
              {(STEPS[p.status] ?? []).map((to) => (
                <Button
                  key={to}
                  variant="quiet"
                  onPress={() => step(p, to)}
                  aria-label={t('proposals.statusActionFor', { action: t(`proposals.statusAction.${to}`), title: p.title })}
                >
                  {t(`proposals.statusAction.${to}`)}
                </Button>
              ))}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
