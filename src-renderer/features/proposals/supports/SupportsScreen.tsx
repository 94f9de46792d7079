/**
 * #/workshops/:id/supports — people present back proposals: one dot per press (and one to take
 * it back), or a majority-judgement grade per press. Counts are read out as they change.
 */
import '../proposals.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { grades, type Grade } from '#shared/proposals/support.schema.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { translateError } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { Button } from '#renderer/components/Button.js';
import { SelectField } from '#renderer/components/SelectField.js';
import { NeighbourhoodBadge } from '../QpvBadge';

export function SupportsScreen() {
  const { id: workshopId = '' } = useParams();
  const { t } = useTranslation();
  const heading = useScreenTitle(t('proposals.supportsScreen.title'));
  const list = useResult(() => invoke('proposals:list', { workshopId }), workshopId, ['proposals:changed']);
  const tally = useResult(() => invoke('supports:tally', { workshopId }), `t:${workshopId}`, ['proposals:changed']);
  // Who is supporting: a person present (their anonymous profile is recorded, if they gave one), or nobody named.
  const room = useResult(() => invoke('attendance:list', { workshopId }), `a:${workshopId}`, ['attendance:changed']);
  const [voter, setVoter] = useState<string>('anonymous');
  const present = (room.data?.items ?? []).filter((a) => a.status === 'present');
  const voterOptions = [
    { id: 'anonymous', label: t('proposals.supportsScreen.voterAnonymous') },
    ...present.map((a, i) => ({ id: a.id, label: a.name ?? t('proposals.supportsScreen.voterUnnamed', { n: i + 1 }) })),
  ];
  const attendanceId = voter === 'anonymous' || !present.some((a) => a.id === voter) ? null : voter;
  const byId = new Map((tally.data?.items ?? []).map((x) => [x.proposalId, x]));
  const failure = list.error ?? tally.error;

  const dot = (proposalId: string, add: boolean) =>
    void invoke(add ? 'supports:addDot' : 'supports:removeDot', { proposalId, workshopId, attendanceId });
  const grade = (proposalId: string, g: Grade) => void invoke('supports:grade', { proposalId, workshopId, attendanceId, grade: g });

  return (
    <div className="screen screen--narrow">
      <p className="back-link">
        <Link to={`/workshops/${workshopId}/proposals`}>
          <span aria-hidden="true">← </span>
          {t('proposals.form.cancel')}
        </Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t('proposals.supportsScreen.title')}
      </h1>
      <p>{t('proposals.supportsScreen.intro')}</p>
      <SelectField
        label={t('proposals.supportsScreen.voter')}
        name="voter"
        options={voterOptions}
        value={voter}
        onChange={(v) => setVoter(v ?? 'anonymous')}
        placeholder={t('common.choose')}
        description={t('proposals.supportsScreen.voterHint')}
      />
      {failure ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, failure, 'workshop')}</p>
        </Alert>
      ) : null}
      {!list.data ? (
        <p className="loading">{t('proposals.loading')}</p>
      ) : list.data.items.length === 0 ? (
        <p>{t('proposals.empty')}</p>
      ) : (
        <ul className="proposal-list">
          {list.data.items.map((p) => {
            const counts = byId.get(p.id);
            const dots = counts?.dots ?? 0;
            return (
              <li key={p.id} className="proposal-list__item">
                <div className="proposal-list__row">
                  <h2 className="proposal-list__title">{p.title}</h2>
                  <NeighbourhoodBadge proposal={p} />
                </div>
                <div className="support-row">
                  <span className="support-row__count" role="status" data-testid={`dots-${p.id}`}>
                    {t('proposals.supportsScreen.dots', { count: dots })}
                  </span>
                  <Button variant="primary" onPress={() => dot(p.id, true)} aria-label={t('proposals.supportsScreen.addDot', { title: p.title })}>
                    <span aria-hidden="true">+1</span>
                  </Button>
                  <Button variant="secondary" isDisabled={dots === 0} onPress={() => dot(p.id, false)} aria-label={t('proposals.supportsScreen.removeDot', { title: p.title })}>
                    <span aria-hidden="true">−1</span>
                  </Button>
                </div>
                <div className="support-row">
                  {grades.map((g) => (
                    <Button key={g} variant="secondary" onPress={() => grade(p.id, g)} aria-label={t('proposals.supportsScreen.gradeFor', { grade: t(`labels.grades.${g}`), title: p.title })}>
                      {t(`labels.grades.${g}`)} ({counts?.grades[g] ?? 0})
                    </Button>
                  ))}
                </div>
                <p className="proposal-list__meta">
                  {counts?.majorityGrade
                    ? t('proposals.supportsScreen.majority', { grade: t(`labels.grades.${counts.majorityGrade}`) })
                    : t('proposals.supportsScreen.noGrade')}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
