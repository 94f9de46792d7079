/**
 * #/transfo/:id/cases — a cohort's practical cases at a glance: each case's state (a word, not a
 * colour), its methods, how many sessions, the last day of its journal and its open next steps
 * (how many overdue); filtered by state and direction; the form of a new case.
 */
import './cases.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CaseState } from '#shared/transfo/case-values.js';
import type { DirectionCode } from '#shared/transfo/directions.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { currentLanguage, translateError } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { BackLink } from '#renderer/components/BackLink.js';
import { Button } from '#renderer/components/Button.js';
import { SelectField } from '#renderer/components/SelectField.js';
import { CaseForm } from './CaseForm';
import { casesPath, dayText, directionOptions, NOUN, stateOptions } from './shared';

const ALL = 'all';

export function CasesScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const campaign = useResult(() => invoke('transfo:campaigns', {}), 'transfo-campaigns', ['transfo:changed']);
  const title = campaign.data?.items.find((c) => c.id === id)?.title;
  const heading = useScreenTitle(title ? t('transfoCases.ui.list.titleOf', { title }) : t('transfoCases.ui.list.title'));
  const [creating, setCreating] = useState(false);
  const [state, setState] = useState<string>(ALL);
  const [direction, setDirection] = useState<string>(ALL);
  const cases = useResult(
    () =>
      invoke('transfoCases:list', {
        campaignId: id,
        ...(state !== ALL ? { states: [state as CaseState] } : {}),
        ...(direction !== ALL ? { direction: direction as DirectionCode } : {}),
      }),
    `transfo-cases:${id}:${state}:${direction}`,
    ['transfoCases:changed'],
  );
  const items = cases.data?.items ?? [];
  const all = { id: ALL, label: t('transfoCases.ui.list.all') };
  const filtered = state !== ALL || direction !== ALL;

  return (
    <div className="screen transfo-cases">
      <BackLink to={`/transfo/${id}`}>{t('transfoCases.ui.list.back')}</BackLink>
      <div className="screen__head">
        <h1 ref={heading} tabIndex={-1}>
          {title ? t('transfoCases.ui.list.titleOf', { title }) : t('transfoCases.ui.list.title')}
        </h1>
        <Button variant="primary" onPress={() => setCreating(true)}>
          <span aria-hidden="true">+ </span>
          {t('transfoCases.ui.list.new')}
        </Button>
      </div>
      <p>{t('transfoCases.ui.list.intro')}</p>
      {creating ? <CaseForm campaignId={id} onDone={() => setCreating(false)} /> : null}

      <div role="group" aria-label={t('transfoCases.ui.list.filters')} className="transfo-cases__filters">
        <SelectField label={t('transfoCases.ui.list.state')} name="state" options={[all, ...stateOptions(t)]} value={state} onChange={(v) => setState(v ?? ALL)} placeholder={all.label} />
        <SelectField
          label={t('transfoCases.ui.list.direction')}
          name="direction"
          options={[all, ...directionOptions(t)]}
          value={direction}
          onChange={(v) => setDirection(v ?? ALL)}
          placeholder={all.label}
        />
      </div>
      <p role="status" className="form-note">
        {cases.data ? t('transfoCases.ui.list.count', { count: items.length }) : ''}
      </p>
      {cases.error ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, cases.error, NOUN)}</p>
        </Alert>
      ) : !cases.data ? (
        <p className="loading">{t('transfoCases.ui.loading')}</p>
      ) : items.length === 0 ? (
        <p className="empty-state">{filtered ? t('transfoCases.ui.list.emptyFiltered') : t('transfoCases.ui.list.empty')}</p>
      ) : (
        <table className="data-table">
          <caption>{t('transfoCases.ui.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('transfoCases.ui.list.colCase')}</th>
              <th scope="col">{t('transfoCases.ui.list.colDirection')}</th>
              <th scope="col">{t('transfoCases.ui.list.colState')}</th>
              <th scope="col">{t('transfoCases.ui.list.colMethods')}</th>
              <th scope="col">{t('transfoCases.ui.list.colSessions')}</th>
              <th scope="col">{t('transfoCases.ui.list.colLastJournal')}</th>
              <th scope="col">{t('transfoCases.ui.list.colNextSteps')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} data-testid="case-row">
                <th scope="row">
                  <Link to={`${casesPath(id)}/${c.id}`}>{c.title}</Link>
                </th>
                <td>
                  {c.direction}
                  {c.service ? ` — ${c.service}` : ''}
                </td>
                <td>
                  <span className={`status-badge case-state case-state--${c.state}`}>{t(`transfoCases.states.${c.state}`)}</span>
                </td>
                <td>{c.methods.length ? c.methods.map((m) => t(`transfoMethods.${m}`)).join(', ') : t('transfoCases.ui.none')}</td>
                <td>{c.sessions}</td>
                <td>{c.lastJournalDate ? dayText(c.lastJournalDate, language) : t('transfoCases.ui.none')}</td>
                <td>
                  {c.openNextSteps === 0
                    ? t('transfoCases.ui.list.noSteps')
                    : c.overdueNextSteps > 0
                      ? `${t('transfoCases.ui.list.openSteps', { count: c.openNextSteps })}, ${t('transfoCases.ui.list.overdue', { count: c.overdueNextSteps })}`
                      : t('transfoCases.ui.list.openSteps', { count: c.openNextSteps })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
