/** #/transfo — La Transfo's calls for volunteers: the list, and the form of a new one. */
import './transfo.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { currentLanguage, translateError } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { Button } from '#renderer/components/Button.js';
import { CampaignForm } from './CampaignForm';
import { dayText, NOUN } from './shared';

export function CampaignsScreen() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const campaigns = useResult(() => invoke('transfo:campaigns', {}), 'transfo-campaigns', ['transfo:changed']);
  const heading = useScreenTitle(t('transfo.ui.campaigns.title'));
  const [creating, setCreating] = useState(false);
  const items = campaigns.data?.items ?? [];

  return (
    <div className="screen transfo">
      <div className="screen__head">
        <h1 ref={heading} tabIndex={-1}>
          {t('transfo.ui.campaigns.title')}
        </h1>
        <Button variant="primary" onPress={() => setCreating(true)}>
          <span aria-hidden="true">+ </span>
          {t('transfo.ui.campaigns.new')}
        </Button>
      </div>
      <p>{t('transfo.ui.campaigns.intro')}</p>
      {creating ? <CampaignForm onDone={() => setCreating(false)} /> : null}
      {campaigns.error ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, campaigns.error, NOUN.campaign)}</p>
        </Alert>
      ) : !campaigns.data ? (
        <p className="loading">{t('transfo.ui.loading')}</p>
      ) : items.length === 0 ? (
        <p className="empty-state">{t('transfo.ui.campaigns.none')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('transfo.ui.campaigns.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('transfo.ui.campaigns.colTitle')}</th>
              <th scope="col">{t('transfo.ui.campaigns.colDates')}</th>
              <th scope="col">{t('transfo.ui.campaigns.colStatus')}</th>
              <th scope="col">{t('transfo.ui.campaigns.colCandidates')}</th>
              <th scope="col">{t('transfo.ui.campaigns.colChosen')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} data-testid="campaign-row">
                <th scope="row">
                  <Link to={`/transfo/${c.id}`}>{c.title}</Link>
                </th>
                <td>{t('transfo.ui.campaigns.dates', { from: dayText(c.opensOn, language), to: dayText(c.closesOn, language) })}</td>
                <td>{t(`transfo.ui.campaigns.status.${c.status}`)}</td>
                <td>{c.candidates}</td>
                <td>{c.chosen}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
