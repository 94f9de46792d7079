/**
 * #/transfo/:id/training/sessions/:sid — a session's attendance: the cohort's agents (rows) by
 * the session's days (columns), one choice per cell (a native select: Tab moves from cell to
 * cell, a letter or the arrows choose), each change saved at once and said in a status, with the
 * day's counts below.
 */
import './training.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { attendanceStatuses, type TrainingAttendanceStatus } from '#shared/transfo/training-sync.schema.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { currentLanguage, translateError } from '#renderer/app/i18n.js';
import { formatDay } from '#renderer/app/format.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { BackLink } from '#renderer/components/BackLink.js';
import { NOUN, trainingPath } from './shared';

export function AttendanceScreen() {
  const { id = '', sid = '' } = useParams();
  const { t } = useTranslation();
  const sheet = useResult(() => invoke('transfoTraining:attendance', { id: sid }), `training-attendance:${sid}`, ['transfoTraining:changed', 'transfo:changed']);
  const title = sheet.data ? t('transfoTraining.ui.attendance.title', { title: sheet.data.session.workshop.title }) : undefined;
  const heading = useScreenTitle(title);
  const [said, setSaid] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  // What was just chosen, shown until the core's answer comes back with it.
  const [chosen, setChosen] = useState<Record<string, string>>({});

  const data = sheet.data;
  const statusOf = new Map<string, TrainingAttendanceStatus | null>();
  for (const a of data?.attendance ?? []) statusOf.set(`${a.candidateId}#${a.day}`, a.status);

  async function record(candidateId: string, day: number, value: string, name: string) {
    if (!(attendanceStatuses as readonly string[]).includes(value)) return;
    setRefusal(null);
    setChosen((c) => ({ ...c, [`${candidateId}#${day}`]: value }));
    const r = await invoke('transfoTraining:record-attendance', { sessionId: sid, day, candidateId, status: value as TrainingAttendanceStatus });
    if (!r.ok) return setRefusal(translateError(t, r.error, NOUN.attendance));
    setSaid(`${t('transfoTraining.ui.attendance.saved')} ${t('transfoTraining.ui.attendance.cellLabel', { name, n: day + 1 })} : ${t(`transfoTraining.statuses.${value as TrainingAttendanceStatus}`)}.`);
  }

  return (
    <div className="screen training">
      <BackLink to={trainingPath(id)}>{t('transfoTraining.ui.attendance.back')}</BackLink>
      <h1 ref={heading} tabIndex={-1}>
        {title ?? t('transfoTraining.ui.loading')}
      </h1>
      {sheet.error ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, sheet.error, NOUN.session)}</p>
        </Alert>
      ) : !data ? (
        <p className="loading">{t('transfoTraining.ui.loading')}</p>
      ) : data.agents.length === 0 ? (
        <p className="empty-state">{t('transfoTraining.ui.attendance.noAgents')}</p>
      ) : (
        <>
          <p>{t('transfoTraining.ui.attendance.intro')}</p>
          {refusal ? (
            <Alert tone="error" role="alert">
              <p>{refusal}</p>
            </Alert>
          ) : null}
          <p role="status" data-testid="attendance-saved">
            {said}
          </p>
          <div className="training__matrix">
            <table className="data-table">
              <caption>{t('transfoTraining.ui.attendance.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('transfoTraining.ui.attendance.colAgent')}</th>
                  <th scope="col">{t('transfoTraining.ui.attendance.colStage')}</th>
                  {data.session.days.map((d, i) => (
                    <th scope="col" key={d.date}>
                      {t('transfoTraining.ui.attendance.day', { n: i + 1, date: formatDay(`${d.date}T12:00:00Z`, currentLanguage()) })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.agents.map((a) => {
                  const name = a.fullName ?? t('transfoTraining.ui.attendance.erased');
                  return (
                    <tr key={a.candidateId} data-testid="attendance-row">
                      <th scope="row">{name}</th>
                      <td>{t(`transfo.stages.${a.stage}`)}</td>
                      {data.session.days.map((d, i) => {
                        const status = statusOf.get(`${a.candidateId}#${i}`) ?? null;
                        return (
                          <td key={d.date}>
                            <select
                              className="training__status-select"
                              aria-label={t('transfoTraining.ui.attendance.cellLabel', { name, n: i + 1 })}
                              value={chosen[`${a.candidateId}#${i}`] ?? status ?? ''}
                              onChange={(e) => void record(a.candidateId, i, e.target.value, name)}
                            >
                              <option value="" disabled={status !== null}>
                                {t('transfoTraining.ui.attendance.notRecorded')}
                              </option>
                              {attendanceStatuses.map((s) => (
                                <option key={s} value={s}>
                                  {t(`transfoTraining.statuses.${s}`)}
                                </option>
                              ))}
                            </select>
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <ul data-testid="attendance-summary">
            {data.session.days.map((d, i) => {
              const count = (s: TrainingAttendanceStatus | null) => data.agents.filter((a) => (statusOf.get(`${a.candidateId}#${i}`) ?? null) === s).length;
              return <li key={d.date}>{t('transfoTraining.ui.attendance.summary', { n: i + 1, present: count('present'), absent: count('absent'), excused: count('excused'), missing: count(null) })}</li>;
            })}
          </ul>
        </>
      )}
    </div>
  );
}
