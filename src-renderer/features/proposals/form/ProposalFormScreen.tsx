/** #/workshops/:id/proposals/new and #/workshops/:id/proposals/:pid/edit */
import '../proposals.css';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { translateError } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { ProposalForm } from './ProposalForm';

export function ProposalFormScreen() {
  const { id: workshopId = '', pid } = useParams();
  const { t } = useTranslation();
  const workshop = useResult(() => invoke('workshops:get', { id: workshopId }), workshopId);
  const proposal = useResult(
    () => (pid ? invoke('proposals:get', { id: pid }) : Promise.resolve({ ok: true as const, value: null })),
    pid ?? 'new',
  );
  const title = pid ? t('proposals.form.editTitle') : t('proposals.form.newTitle');
  const heading = useScreenTitle(title);
  const error = workshop.error ?? proposal.error;
  const ready = workshop.data && proposal.data !== undefined;

  return (
    <div className="screen screen--narrow">
      <p className="back-link">
        <Link to={`/workshops/${workshopId}/proposals`}>
          <span aria-hidden="true">← </span>
          {t('proposals.form.cancel')}
        </Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {error ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, error, 'proposal')}</p>
        </Alert>
      ) : !ready ? (
        <p className="loading">{t('proposals.loading')}</p>
      ) : (
        <ProposalForm workshopId={workshopId} arrondissement={workshop.data!.arrondissement} proposal={proposal.data ?? undefined} />
      )}
    </div>
  );
}
