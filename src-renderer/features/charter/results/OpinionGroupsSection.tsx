/** The opinion groups: each shown group's size and what sets it apart, the statements every group shares, the people in groups too small to show. */
import { useTranslation } from 'react-i18next';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { translateError } from '#renderer/app/i18n.js';
import { Alert } from '#renderer/components/Alert.js';
import { nounOf } from '../record-nouns';
import { percent } from './Masked';

export function OpinionGroupsSection({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const loaded = useResult(() => invoke('charter:opinion-groups', { consultationId }), consultationId, ['charter:changed']);
  const g = loaded.data;
  return (
    <section className="charter-section" aria-labelledby="results-groups" data-testid="opinion-groups">
      <h2 id="results-groups">{t('charter.results.groupsHeading')}</h2>
      <p>{t('charter.results.groupsIntro')}</p>
      {loaded.error ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, loaded.error, nounOf.consultation)}</p>
        </Alert>
      ) : !g ? (
        <p className="loading">{t('charter.loading')}</p>
      ) : !g.computed ? (
        <p data-testid="groups-not-computed">{t('charter.results.groupsNotComputed', { participants: g.participants, statements: g.statements })}</p>
      ) : (
        <>
          <p>{t('charter.results.groupsTotals', { participants: g.participants, statements: g.statements })}</p>
          {g.groups.map((group) => (
            <section key={group.number} className="charter-group" aria-labelledby={`group-${group.number}`} data-testid="opinion-group">
              <h3 id={`group-${group.number}`}>{t('charter.results.group', { n: group.number, count: group.size })}</h3>
              <h4>{t('charter.results.distinctive')}</h4>
              <ul>
                {group.distinctive.map((s) => (
                  <li key={s.questionId}>
                    <strong>{s.prompt}</strong>
                    <br />
                    {t('charter.results.statementShares', { agree: percent(s.agree), disagree: percent(s.disagree), othersAgree: percent(s.othersAgree), othersDisagree: percent(s.othersDisagree) })}
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <h3>{t('charter.results.consensusHeading')}</h3>
          {g.consensus.length === 0 ? (
            <p>{t('charter.results.noConsensus')}</p>
          ) : (
            <ul data-testid="consensus">
              {g.consensus.map((s) => (
                <li key={s.questionId}>
                  <strong>{s.prompt}</strong> — {t('charter.results.consensusShares', { agree: percent(s.agree), disagree: percent(s.disagree) })}
                </li>
              ))}
            </ul>
          )}
          {g.hiddenParticipants > 0 ? <p data-testid="groups-hidden">{t('charter.results.hidden', { count: g.hiddenParticipants })}</p> : null}
        </>
      )}
    </section>
  );
}
