/**
 * #/transfo/:id — a call for volunteers: its candidates filtered (stage, direction, category,
 * gender, a few letters of the name as they are typed), the form of a new application, and the
 * balance of the cohort as it is chosen; the call's own fields and rules, its close and its purge.
 */
import './transfo.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CandidateStage } from '#shared/transfo/candidate.schema.js';
import type { DirectionCode } from '#shared/transfo/directions.js';
import type { TransfoCategory, TransfoGender } from '#shared/transfo/values.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { translateError } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { BackLink } from '#renderer/components/BackLink.js';
import { Button } from '#renderer/components/Button.js';
import { SelectField } from '#renderer/components/SelectField.js';
import { TextField } from '#renderer/components/TextField.js';
import { BalancePanel } from './BalancePanel';
import { CampaignSettings } from './CampaignSettings';
import { CandidateForm } from './CandidateForm';
import { categoryOptions, directionOptions, genderOptions, NOUN, stageOptions } from './shared';

const ALL = 'all';

export function CampaignScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const campaign = useResult(async () => {
    const r = await invoke('transfo:campaigns', {});
    if (!r.ok) return r;
    const found = r.value.items.find((c) => c.id === id);
    return found ? { ok: true as const, value: found } : { ok: false as const, error: { code: 'not_found' as const, message: `No campaign ${id}` } };
  }, `transfo-campaign:${id}`, ['transfo:changed']);
  const heading = useScreenTitle(campaign.data?.title);
  const [adding, setAdding] = useState(false);
  const [stage, setStage] = useState<string>(ALL);
  const [direction, setDirection] = useState<string>(ALL);
  const [category, setCategory] = useState<string>(ALL);
  const [gender, setGender] = useState<string>(ALL);
  const [query, setQuery] = useState('');
  const filters = { stage, direction, category, gender, query };
  const candidates = useResult(
    () =>
      invoke('transfo:candidates', {
        campaignId: id,
        ...(stage !== ALL ? { stage: [stage as CandidateStage] } : {}),
        ...(direction !== ALL ? { direction: direction as DirectionCode } : {}),
        ...(category !== ALL ? { category: category as TransfoCategory } : {}),
        ...(gender !== ALL ? { gender: gender as TransfoGender | 'unknown' } : {}),
        ...(query.trim() ? { query: query.trim() } : {}),
        limit: 500,
      }),
    `transfo-candidates:${id}:${JSON.stringify(filters)}`,
    ['transfo:changed'],
  );
  const all = { id: ALL, label: t('transfo.ui.filters.all') };

  if (campaign.error) {
    return (
      <div className="screen transfo">
        <BackLink to="/transfo">{t('transfo.ui.campaign.back')}</BackLink>
        <Alert tone="error" role="alert">
          <p>{campaign.error.code === 'not_found' ? t('transfo.ui.campaign.notFound') : translateError(t, campaign.error, NOUN.campaign)}</p>
        </Alert>
      </div>
    );
  }
  const c = campaign.data;
  return (
    <div className="screen transfo">
      <BackLink to="/transfo">{t('transfo.ui.campaign.back')}</BackLink>
      <div className="screen__head">
        <h1 ref={heading} tabIndex={-1}>
          {c?.title ?? t('transfo.ui.loading')}
        </h1>
        <Link to={`/transfo/${id}/compare`} className="button button--secondary">
          {t('transfo.ui.campaign.compare')}
        </Link>
        <Link to={`/transfo/${id}/letters`} className="button button--secondary">
          {t('transfo.ui.campaign.letters')}
        </Link>
        <Link to={`/transfo/${id}/cases`} className="button button--secondary">
          {t('transfoCases.ui.link')}
        </Link>
        <Link to={`/transfo/${id}/training`} className="button button--secondary">
          {t('transfoTraining.ui.link')}
        </Link>
      </div>
      {c?.profileSought ? (
        <p>
          <strong>{t('transfo.ui.campaign.profile')}</strong> {c.profileSought}
        </p>
      ) : null}

      <section aria-labelledby="candidates-heading">
        <div className="section-head">
          <h2 id="candidates-heading">{t('transfo.ui.campaign.candidatesHeading')}</h2>
          {c?.status === 'open' ? (
            <Button variant="primary" onPress={() => setAdding(true)}>
              <span aria-hidden="true">+ </span>
              {t('transfo.ui.campaign.addCandidate')}
            </Button>
          ) : null}
        </div>
        {adding ? <CandidateForm campaignId={id} onDone={() => setAdding(false)} /> : null}
        <div role="group" aria-label={t('transfo.ui.filters.heading')} className="transfo__filters">
          <TextField label={t('transfo.ui.filters.query')} name="query" type="search" value={query} onChange={setQuery} />
          <SelectField label={t('transfo.ui.filters.stage')} name="stage" options={[all, ...stageOptions(t)]} value={stage} onChange={(v) => setStage(v ?? ALL)} placeholder={t('transfo.ui.filters.all')} />
          <SelectField
            label={t('transfo.ui.filters.direction')}
            name="direction"
            options={[all, ...directionOptions(t)]}
            value={direction}
            onChange={(v) => setDirection(v ?? ALL)}
            placeholder={t('transfo.ui.filters.all')}
          />
          <SelectField
            label={t('transfo.ui.filters.category')}
            name="category"
            options={[all, ...categoryOptions(t)]}
            value={category}
            onChange={(v) => setCategory(v ?? ALL)}
            placeholder={t('transfo.ui.filters.all')}
          />
          <SelectField
            label={t('transfo.ui.filters.gender')}
            name="gender"
            options={[all, ...genderOptions(t), { id: 'unknown', label: t('transfo.genders.unknown') }]}
            value={gender}
            onChange={(v) => setGender(v ?? ALL)}
            placeholder={t('transfo.ui.filters.all')}
          />
        </div>
        {candidates.error ? (
          <Alert tone="error" role="alert">
            <p>{translateError(t, candidates.error, NOUN.candidate)}</p>
          </Alert>
        ) : !candidates.data ? (
          <p className="loading">{t('transfo.ui.loading')}</p>
        ) : (
          <>
            <p role="status" data-testid="candidate-count">
              {t('transfo.ui.filters.count', { count: candidates.data.total })}
            </p>
            {candidates.data.items.length === 0 ? (
              <p className="empty-state">{t('transfo.ui.filters.none')}</p>
            ) : (
              <table className="data-table">
                <caption className="visually-hidden">{t('transfo.ui.list.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('transfo.ui.list.colName')}</th>
                    <th scope="col">{t('transfo.ui.list.colDirection')}</th>
                    <th scope="col">{t('transfo.ui.list.colCategory')}</th>
                    <th scope="col">{t('transfo.ui.list.colYears')}</th>
                    <th scope="col">{t('transfo.ui.list.colGender')}</th>
                    <th scope="col">{t('transfo.ui.list.colStage')}</th>
                  </tr>
                </thead>
                <tbody>
                  {candidates.data.items.map((x) => (
                    <tr key={x.id} data-testid="candidate-row">
                      <th scope="row">
                        <Link to={`/transfo/${id}/candidates/${x.id}`}>{x.fullName ?? t('transfo.ui.candidate.erased')}</Link>
                      </th>
                      <td>{x.direction}</td>
                      <td>{x.category}</td>
                      <td>{x.yearsInCity === null ? '—' : t('transfo.ui.list.years', { count: x.yearsInCity })}</td>
                      <td>{t(`transfo.genders.${x.gender ?? 'unknown'}`)}</td>
                      <td>{t(`transfo.stages.${x.stage}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </section>
      <BalancePanel campaignId={id} />
      {c ? <CampaignSettings campaign={c} /> : null}
    </div>
  );
}
