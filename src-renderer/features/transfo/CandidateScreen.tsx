/**
 * #/transfo/:id/candidates/:cid — a candidate: its fields, the moves its stage allows (met
 * needs who met them and when; not chosen needs the reason, shown in the letter), its history.
 */
import './transfo.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { formatDateTime } from '#renderer/app/format.js';
import { currentLanguage, translateError } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { BackLink } from '#renderer/components/BackLink.js';
import { Button } from '#renderer/components/Button.js';
import { candidateLines } from './CandidateDetails';
import { CandidateForm } from './CandidateForm';
import { MoveForm } from './MoveForm';
import { NOUN } from './shared';

export function CandidateScreen() {
  const { id = '', cid = '' } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const candidate = useResult(() => invoke('transfo:candidate', { id: cid }), `transfo-candidate:${cid}`, ['transfo:changed']);
  const history = useResult(() => invoke('transfo:history', { id: cid }), `transfo-history:${cid}`, ['transfo:changed']);
  const c = candidate.data;
  const heading = useScreenTitle(c ? (c.fullName ?? t('transfo.ui.candidate.erased')) : undefined);
  const [editing, setEditing] = useState(false);

  return (
    <div className="screen transfo">
      <BackLink to={`/transfo/${id}`}>{t('transfo.ui.candidate.back')}</BackLink>
      {candidate.error ? (
        <Alert tone="error" role="alert">
          <p>{candidate.error.code === 'not_found' ? t('transfo.ui.candidate.notFound') : translateError(t, candidate.error, NOUN.candidate)}</p>
        </Alert>
      ) : !c ? (
        <p className="loading">{t('transfo.ui.loading')}</p>
      ) : (
        <>
          <h1 ref={heading} tabIndex={-1}>
            {c.fullName ?? t('transfo.ui.candidate.erased')}
          </h1>
          <section aria-labelledby="stage-heading" className="card-panel">
            <h2 id="stage-heading">{t('transfo.ui.candidate.stageHeading')}</h2>
            <p data-testid="current-stage">{t('transfo.ui.candidate.current', { stage: t(`transfo.stages.${c.stage}`) })}</p>
            <MoveForm key={`${c.id}:${c.version}`} candidate={c} />
          </section>
          <section aria-labelledby="fields-heading">
            <div className="section-head">
              <h2 id="fields-heading">{t('transfo.ui.candidate.fieldsHeading')}</h2>
              {!c.erased && !editing ? (
                <Button variant="secondary" onPress={() => setEditing(true)}>
                  {t('transfo.ui.candidate.edit')}
                </Button>
              ) : null}
            </div>
            {editing ? <CandidateForm key={`${c.id}:${c.version}`} campaignId={id} candidate={c} onDone={() => setEditing(false)} /> : null}
            <dl className="transfo__fields">
              {candidateLines(t, language, c).map((l) => (
                <div key={l.key}>
                  <dt>{l.label}</dt>
                  <dd>{l.value}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="history-heading">
            <h2 id="history-heading">{t('transfo.ui.candidate.historyHeading')}</h2>
            {history.data ? (
              <table className="data-table" data-testid="history">
                <caption className="visually-hidden">{t('transfo.ui.candidate.historyCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('transfo.ui.candidate.colAt')}</th>
                    <th scope="col">{t('transfo.ui.candidate.colFrom')}</th>
                    <th scope="col">{t('transfo.ui.candidate.colTo')}</th>
                    <th scope="col">{t('transfo.ui.candidate.colBy')}</th>
                    <th scope="col">{t('transfo.ui.candidate.colReason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {history.data.items.map((m) => (
                    <tr key={m.id}>
                      <td>{formatDateTime(m.at, language)}</td>
                      <td>{m.from ? t(`transfo.stages.${m.from}`) : t('transfo.ui.candidate.applied')}</td>
                      <td>{t(`transfo.stages.${m.to}`)}</td>
                      <td>{m.by}</td>
                      <td>{m.reason ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
        </>
      )}
    </div>
  );
}
