/**
 * #/transfo/:id/training/matrix — who has followed which module: the agents (rows) by the
 * modules (columns), each cell said in words (« suivi », « manqué », « pas encore »; the colour
 * only repeats it), the attendance rate, and the list of who is behind, most behind first.
 */
import './training.css';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { translateError } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { BackLink } from '#renderer/components/BackLink.js';
import { moduleLabel, NOUN, trainingPath } from './shared';

export function MatrixScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const heading = useScreenTitle(t('transfoTraining.ui.matrix.title'));
  const matrix = useResult(() => invoke('transfoTraining:matrix', { campaignId: id }), `training-matrix:${id}`, ['transfoTraining:changed', 'transfo:changed']);
  const rate = (r: number | null) => (r === null ? t('transfoTraining.ui.matrix.noRate') : t('transfoTraining.ui.matrix.rate', { rate: Math.round(r * 100) }));
  const m = matrix.data;

  return (
    <div className="screen training">
      <BackLink to={trainingPath(id)}>{t('transfoTraining.ui.matrix.back')}</BackLink>
      <h1 ref={heading} tabIndex={-1}>
        {t('transfoTraining.ui.matrix.title')}
      </h1>
      {matrix.error ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, matrix.error, NOUN.campaign)}</p>
        </Alert>
      ) : !m ? (
        <p className="loading">{t('transfoTraining.ui.loading')}</p>
      ) : m.modules.length === 0 ? (
        <p className="empty-state">{t('transfoTraining.ui.matrix.noModules')}</p>
      ) : m.rows.length === 0 ? (
        <p className="empty-state">{t('transfoTraining.ui.attendance.noAgents')}</p>
      ) : (
        <>
          {/* Wider than the window with many modules: it scrolls by itself, reachable by the keyboard. */}
          <div className="training__matrix" tabIndex={0} role="region" aria-label={t('transfoTraining.ui.matrix.caption')}>
            <table className="data-table" data-testid="training-matrix">
              <caption>{t('transfoTraining.ui.matrix.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('transfoTraining.ui.matrix.colAgent')}</th>
                  {m.modules.map((mod) => (
                    <th scope="col" key={mod.id}>
                      {moduleLabel(t, mod)}
                    </th>
                  ))}
                  <th scope="col">{t('transfoTraining.ui.matrix.colRate')}</th>
                </tr>
              </thead>
              <tbody>
                {m.rows.map((r) => (
                  <tr key={r.agent.candidateId} data-testid="matrix-row">
                    <th scope="row">{r.agent.fullName ?? t('transfoTraining.ui.attendance.erased')}</th>
                    {r.states.map((s, i) => (
                      <td key={m.modules[i]!.id}>
                        <span className={`training__state training__state--${s}`}>{t(`transfoTraining.states.${s}`)}</span>
                      </td>
                    ))}
                    <td>{rate(r.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <section aria-labelledby="behind-heading">
            <h2 id="behind-heading">{t('transfoTraining.ui.matrix.behind')}</h2>
            {m.behind.length === 0 ? (
              <p data-testid="behind-none">{t('transfoTraining.ui.matrix.behindNone')}</p>
            ) : (
              <ol data-testid="behind-list">
                {m.behind.map((r) => (
                  <li key={r.agent.candidateId}>
                    {t('transfoTraining.ui.matrix.behindItem', { name: r.agent.fullName ?? t('transfoTraining.ui.attendance.erased'), count: r.missed, rate: rate(r.rate) })}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </div>
  );
}
