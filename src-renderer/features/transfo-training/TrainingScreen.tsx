/**
 * #/transfo/:id/training — La Transfo's training for one cohort: its modules (the seven methods
 * in one press, added, edited), its sessions (a new one with its workshop, its days and the
 * modules each covered), a link to each session's attendance and to the matrix.
 */
import './training.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TrainingModule } from '#shared/transfo/training.schema.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { currentLanguage, translateError } from '#renderer/app/i18n.js';
import { formatDay } from '#renderer/app/format.js';
import { useNotice } from '#renderer/app/notices.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { BackLink } from '#renderer/components/BackLink.js';
import { Button } from '#renderer/components/Button.js';
import { ModuleForm } from './ModuleForm';
import { SessionForm } from './SessionForm';
import { moduleLabel, NOUN, trainingPath } from './shared';
import { useCampaignTitle } from './use-campaign-title';

const dayText = (day: string) => formatDay(`${day}T12:00:00Z`, currentLanguage());

export function TrainingScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const notice = useNotice();
  const title = useCampaignTitle(id);
  const heading = useScreenTitle(title ? t('transfoTraining.ui.title', { campaign: title }) : undefined);
  const modules = useResult(() => invoke('transfoTraining:modules', { campaignId: id }), `training-modules:${id}`, ['transfoTraining:changed']);
  const sessions = useResult(() => invoke('transfoTraining:sessions', { campaignId: id }), `training-sessions:${id}`, ['transfoTraining:changed', 'workshops:changed']);
  const [editing, setEditing] = useState<TrainingModule | 'new' | null>(null);
  const [addingSession, setAddingSession] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const items = modules.data?.items ?? [];
  const byId = new Map(items.map((m) => [m.id, m]));

  async function createSeven() {
    setRefusal(null);
    const before = items.length;
    const r = await invoke('transfoTraining:create-method-modules', { campaignId: id });
    if (!r.ok) return setRefusal(translateError(t, r.error, NOUN.module));
    notice.show({ tone: 'success', message: (tr) => tr('transfoTraining.ui.modules.sevenCreated', { count: r.value.items.length - before }) });
  }

  return (
    <div className="screen training">
      <BackLink to={`/transfo/${id}`}>{t('transfoTraining.ui.back')}</BackLink>
      <div className="screen__head">
        <h1 ref={heading} tabIndex={-1}>
          {title ? t('transfoTraining.ui.title', { campaign: title }) : t('transfoTraining.ui.loading')}
        </h1>
        <Link to={`${trainingPath(id)}/matrix`} className="button button--secondary">
          {t('transfoTraining.ui.sessions.matrix')}
        </Link>
      </div>
      <p>{t('transfoTraining.ui.intro')}</p>
      {refusal ? (
        <Alert tone="error" role="alert">
          <p>{refusal}</p>
        </Alert>
      ) : null}

      <section aria-labelledby="modules-heading">
        <div className="section-head">
          <h2 id="modules-heading">{t('transfoTraining.ui.modules.heading')}</h2>
          <Button variant="secondary" onPress={() => void createSeven()}>
            {t('transfoTraining.ui.modules.createSeven')}
          </Button>
          <Button variant="primary" onPress={() => setEditing('new')}>
            <span aria-hidden="true">+ </span>
            {t('transfoTraining.ui.modules.add')}
          </Button>
        </div>
        {editing ? (
          <ModuleForm
            key={editing === 'new' ? 'new' : editing.id}
            campaignId={id}
            module={editing === 'new' ? null : editing}
            nextOrder={items.reduce((max, m) => Math.max(max, m.order), 0) + 1}
            onDone={() => setEditing(null)}
          />
        ) : null}
        {modules.error ? (
          <Alert tone="error" role="alert">
            <p>{translateError(t, modules.error, NOUN.module)}</p>
          </Alert>
        ) : !modules.data ? (
          <p className="loading">{t('transfoTraining.ui.loading')}</p>
        ) : items.length === 0 ? (
          <p className="empty-state">{t('transfoTraining.ui.modules.none')}</p>
        ) : (
          <table className="data-table">
            <caption>{t('transfoTraining.ui.modules.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('transfoTraining.ui.modules.colOrder')}</th>
                <th scope="col">{t('transfoTraining.ui.modules.colTitle')}</th>
                <th scope="col">{t('transfoTraining.ui.modules.colMethod')}</th>
                <th scope="col">{t('transfoTraining.ui.modules.colObjectives')}</th>
                <th scope="col">{t('transfoTraining.ui.modules.colActions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id} data-testid="module-row">
                  <td>{m.order}</td>
                  <th scope="row">{m.title}</th>
                  <td>{t(`transfoMethods.${m.method}`)}</td>
                  <td>{m.objectives}</td>
                  <td>
                    <Button variant="quiet" onPress={() => setEditing(m)} aria-label={t('transfoTraining.ui.modules.editLabel', { title: m.title })}>
                      {t('transfoTraining.ui.modules.edit')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="sessions-heading">
        <div className="section-head">
          <h2 id="sessions-heading">{t('transfoTraining.ui.sessions.heading')}</h2>
          <Button variant="primary" onPress={() => setAddingSession(true)}>
            <span aria-hidden="true">+ </span>
            {t('transfoTraining.ui.sessions.new')}
          </Button>
        </div>
        {addingSession ? <SessionForm campaignId={id} modules={items} onDone={() => setAddingSession(false)} /> : null}
        {sessions.error ? (
          <Alert tone="error" role="alert">
            <p>{translateError(t, sessions.error, NOUN.session)}</p>
          </Alert>
        ) : !sessions.data ? (
          <p className="loading">{t('transfoTraining.ui.loading')}</p>
        ) : sessions.data.items.length === 0 ? (
          <p className="empty-state">{t('transfoTraining.ui.sessions.none')}</p>
        ) : (
          <table className="data-table">
            <caption>{t('transfoTraining.ui.sessions.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('transfoTraining.ui.sessions.colTitle')}</th>
                <th scope="col">{t('transfoTraining.ui.sessions.colVenue')}</th>
                <th scope="col">{t('transfoTraining.ui.sessions.colDays')}</th>
                <th scope="col">{t('transfoTraining.ui.sessions.colAttendance')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.items.map((s) => (
                <tr key={s.id} data-testid="session-row">
                  <th scope="row">{s.workshop.title}</th>
                  <td>{s.workshop.venueName}</td>
                  <td>
                    <ul className="training__days">
                      {s.days.map((d, i) => (
                        <li key={d.date}>
                          {t('transfoTraining.ui.sessions.day', {
                            n: i + 1,
                            date: dayText(d.date),
                            modules: d.moduleIds.length === 0 ? t('transfoTraining.ui.sessions.noModule') : d.moduleIds.map((mid) => (byId.get(mid) ? moduleLabel(t, byId.get(mid)!) : '?')).join(', '),
                          })}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <Link to={`${trainingPath(id)}/sessions/${s.id}`} aria-label={t('transfoTraining.ui.sessions.attendanceLabel', { title: s.workshop.title })}>
                      {t('transfoTraining.ui.sessions.attendance')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
