/**
 * #/transfo/:id/candidates/:cid — a candidate: its fields, the moves its stage allows (met
 * needs who met them and when; not chosen needs the reason, shown in the letter), its history.
 */
import './transfo.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { stageMoves, type CandidateStage } from '#shared/transfo/candidate.schema.js';
import type { Candidate } from '#shared/transfo/transfo.schema.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { formatDateTime } from '#renderer/app/format.js';
import { currentLanguage, translateError, translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { BackLink } from '#renderer/components/BackLink.js';
import { Button } from '#renderer/components/Button.js';
import { ChoiceField } from '#renderer/components/ChoiceField.js';
import { DateField } from '#renderer/components/DateField.js';
import { ErrorAlert } from '#renderer/components/ErrorAlert.js';
import { TextField } from '#renderer/components/TextField.js';
import { candidateLines } from './CandidateDetails';
import { NOUN } from './shared';

function MoveForm({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const moves = stageMoves[candidate.stage];
  const [to, setTo] = useState<CandidateStage | null>(null);
  const [metBy, setMetBy] = useState(candidate.metBy ?? '');
  const [metOn, setMetOn] = useState(candidate.metOn ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (moves.length === 0) return <p>{t('transfo.ui.candidate.noMove')}</p>;

  async function submit() {
    if (!to) return setErrors({ to: 'validation.required' });
    setBusy(true);
    const r = await invoke('transfo:move-stage', {
      id: candidate.id,
      version: candidate.version,
      to,
      ...(to === 'met' ? { metBy, ...(metOn ? { metOn } : {}) } : {}),
      ...(reason.trim() ? { reason } : {}),
    });
    setBusy(false);
    if (!r.ok) {
      setErrors(r.error.fields ?? {});
      setSummary(translateError(t, r.error, NOUN.candidate));
      return;
    }
    setErrors({});
    setSummary(null);
    setTo(null);
    setReason('');
    notice.show({ tone: 'success', message: (tr) => tr('transfo.ui.candidate.moved') });
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ErrorAlert message={summary} />
      <ChoiceField
        label={t('transfo.ui.candidate.moveTo')}
        name="to"
        options={moves.map((s) => ({ id: s, label: t(`transfo.stages.${s}`) }))}
        value={to}
        onChange={(v) => setTo(v as CandidateStage)}
        isRequired
        errorMessage={translateMessage(t, errors.to)}
      />
      {to === 'met' ? (
        <div className="form-row">
          <TextField label={t('transfo.ui.candidate.metBy')} name="metBy" value={metBy} onChange={setMetBy} isRequired errorMessage={translateMessage(t, errors.metBy)} />
          <DateField label={t('transfo.ui.candidate.metOn')} name="metOn" value={metOn} onChange={setMetOn} isRequired errorMessage={translateMessage(t, errors.metOn)} />
        </div>
      ) : null}
      {to === 'not_chosen' ? (
        <TextField label={t('transfo.ui.candidate.reason')} name="reason" multiline value={reason} onChange={setReason} isRequired errorMessage={translateMessage(t, errors.reason)} />
      ) : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" isDisabled={busy}>
          {busy ? t('transfo.ui.candidate.moving') : t('transfo.ui.candidate.move')}
        </Button>
      </div>
    </form>
  );
}

export function CandidateScreen() {
  const { id = '', cid = '' } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const candidate = useResult(() => invoke('transfo:candidate', { id: cid }), `transfo-candidate:${cid}`, ['transfo:changed']);
  const history = useResult(() => invoke('transfo:history', { id: cid }), `transfo-history:${cid}`, ['transfo:changed']);
  const c = candidate.data;
  const heading = useScreenTitle(c ? (c.fullName ?? t('transfo.ui.candidate.erased')) : undefined);

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
            <h2 id="fields-heading">{t('transfo.ui.candidate.fieldsHeading')}</h2>
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
