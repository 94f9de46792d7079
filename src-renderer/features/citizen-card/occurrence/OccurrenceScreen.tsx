/**
 * #/citizen-card/occurrences/:workshopId — one session: its figures, its settings, its
 * registrations (a holder found as you type, at the desk or by phone), the published draw and
 * its lists, the promotions from the waiting list, and its papers.
 */
import '../citizen-card.css';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Occurrence, RegistrationStatus, RegistrationView } from '#shared/citizen-card/citizen-card.schema.js';
import { cardRegistrationStatusLabel } from '#shared/i18n/label-accessors.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { formatDateTime, formatNumber, formatRange } from '#renderer/app/format.js';
import { currentLanguage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { BackLink } from '#renderer/components/BackLink.js';
import { Button } from '#renderer/components/Button.js';
import { NOUN, refusal } from '../shared/nouns';
import { downloadPaper } from '../shared/papers';
import { DrawPanel } from './DrawPanel';
import { RegisterForm } from './RegisterForm';
import { RegistrationsTable } from './RegistrationsTable';
import { SettingsForm } from './SettingsForm';

const EVENTS = ['citizen-card:changed', 'workshops:changed'] as const;

export function OccurrenceScreen() {
  const { workshopId = '' } = useParams();
  const { t } = useTranslation();
  const notice = useNotice();
  const occurrence = useResult(() => invoke('citizen-card:occurrence', { workshopId }), workshopId, EVENTS);
  const registrations = useResult(() => invoke('citizen-card:registrations', { workshopId }), workshopId, EVENTS);
  const promotions = useResult(() => invoke('citizen-card:promotions', { workshopId }), workshopId, EVENTS);
  const types = useResult(() => invoke('citizen-card:types', {}), 'types', EVENTS);
  const o = occurrence.data;
  const heading = useScreenTitle(o ? t('citizenCard.occurrence.title', { title: o.workshop.title }) : occurrence.error ? t('citizenCard.loadError') : undefined);
  const reload = () => {
    occurrence.reload();
    registrations.reload();
    promotions.reload();
  };
  const items = registrations.data?.items ?? [];

  async function setStatus(r: RegistrationView, status: RegistrationStatus) {
    const before = new Set((promotions.data?.items ?? []).map((p) => p.id));
    const answer = await invoke('citizen-card:set-status', { id: r.id, version: r.version, status });
    if (!answer.ok) {
      const error = answer.error;
      notice.show({ tone: 'error', message: (tr) => refusal(tr, error, NOUN.registration) });
      reload();
      return;
    }
    const name = r.holderName ?? '';
    // A freed place promotes the head of the waiting list: say who.
    const after = await invoke('citizen-card:promotions', { workshopId });
    const fresh = after.ok ? after.value.items.find((p) => !before.has(p.id)) : undefined;
    const list = await invoke('citizen-card:registrations', { workshopId });
    const promoted = fresh && list.ok ? list.value.items.find((x) => x.id === fresh.promotedRegistrationId)?.holderName : undefined;
    notice.show({
      tone: 'success',
      message: (tr) =>
        promoted
          ? `${tr('citizenCard.registrations.statusChanged', { name, status: cardRegistrationStatusLabel(tr, status) })} ${tr('citizenCard.registrations.promoted', { name: promoted })}`
          : tr('citizenCard.registrations.statusChanged', { name, status: cardRegistrationStatusLabel(tr, status) }),
    });
    reload();
  }

  if (!o) {
    return (
      <div className="screen">
        <BackLink to="/citizen-card">{t('citizenCard.back')}</BackLink>
        {occurrence.error ? (
          <>
            <h1 ref={heading} tabIndex={-1}>
              {t('citizenCard.loadError')}
            </h1>
            <Alert tone="error" role="alert">
              <p>{refusal(t, occurrence.error, NOUN.occurrence)}</p>
            </Alert>
          </>
        ) : (
          <p className="loading">{t('citizenCard.loading')}</p>
        )}
      </div>
    );
  }

  const w = o.workshop;
  const language = currentLanguage();
  const names = new Map(items.map((r) => [r.id, r.holderName ?? '—']));
  return (
    <div className="screen citizen-card">
      <BackLink to="/citizen-card">{t('citizenCard.back')}</BackLink>
      <h1 ref={heading} tabIndex={-1}>
        {t('citizenCard.occurrence.title', { title: w.title })}
      </h1>
      <p className="screen__meta">{t('citizenCard.occurrence.when', { when: formatRange(w.startsAt, w.endsAt, language), venue: w.venueName })}</p>
      {o.atelierType ? <p className="screen__meta">{t('citizenCard.occurrence.type', { type: o.atelierType.title })}</p> : null}
      <div className="actions">
        {o.settings ? (
          <Link to={`/citizen-card/occurrences/${w.id}/check-in`} className="button button--primary">
            {t('citizenCard.occurrence.checkInLink')}
          </Link>
        ) : null}
        <Link to={`/workshops/${w.id}`} className="button button--secondary">
          {t('citizenCard.occurrence.workshopLink')}
        </Link>
      </div>
      {o.settings ? <OccurrenceCounts occurrence={o} /> : <Alert tone="info"><p>{t('citizenCard.occurrence.noSettings')}</p></Alert>}

      {types.data ? <SettingsForm key={`${w.id}:${o.settings?.version ?? 0}`} occurrence={o} types={types.data.items} onSaved={reload} /> : null}

      {o.settings ? (
        <>
          <section aria-labelledby="registrations-heading">
            <h2 id="registrations-heading">{t('citizenCard.registrations.heading')}</h2>
            {!o.draw ? <RegisterForm workshopId={w.id} onRegistered={reload} /> : null}
            {items.length === 0 ? <p className="empty-state">{t('citizenCard.registrations.empty')}</p> : <RegistrationsTable items={items} onStatus={(r, s) => void setStatus(r, s)} />}
          </section>
          <DrawPanel workshopId={w.id} draw={o.draw} registrations={items} onChanged={reload} />
          <section className="card-panel" aria-labelledby="promotions-heading">
            <h2 id="promotions-heading">{t('citizenCard.promotions.heading')}</h2>
            {(promotions.data?.items ?? []).length === 0 ? (
              <p>{t('citizenCard.promotions.empty')}</p>
            ) : (
              <table className="data-table" data-testid="promotions">
                <caption className="visually-hidden">{t('citizenCard.promotions.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('citizenCard.promotions.colFreed')}</th>
                    <th scope="col">{t('citizenCard.promotions.colPromoted')}</th>
                    <th scope="col">{t('citizenCard.promotions.colWhen')}</th>
                    <th scope="col">{t('citizenCard.promotions.colBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {promotions.data!.items.map((p) => (
                    <tr key={p.id} data-testid="promotion-row">
                      <td>{names.get(p.freedRegistrationId) ?? '—'}</td>
                      <td>{names.get(p.promotedRegistrationId) ?? '—'}</td>
                      <td>{formatDateTime(p.promotedAt, language)}</td>
                      <td>{p.promotedBy}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card-panel" aria-labelledby="papers-heading">
            <h2 id="papers-heading">{t('citizenCard.papers.heading')}</h2>
            <div className="actions">
              <Button variant="secondary" onPress={() => void downloadPaper('signInSheet', w.id, notice)}>
                {t('citizenCard.papers.signInSheet')}
              </Button>
              <Button variant="secondary" onPress={() => void downloadPaper('confirmations', w.id, notice)}>
                {t('citizenCard.papers.confirmations')}
              </Button>
              <Button variant="secondary" onPress={() => void downloadPaper('certificates', w.id, notice)}>
                {t('citizenCard.papers.certificates')}
              </Button>
            </div>
          </section>
        </>
      ) : null}
    </div>
  );
}

export function OccurrenceCounts({ occurrence: o }: { occurrence: Occurrence }) {
  const { t } = useTranslation();
  const c = o.counts;
  const language = currentLanguage();
  const items = [
    ['places', o.settings?.places ?? 0, 'countPlaces'],
    ['registered', c.registered + c.drawn + c.waiting + c.confirmed + c.attended + c.noShow, 'countRegistered'],
    ['drawn', c.drawn, 'countDrawn'],
    ['waiting', c.waiting, 'countWaiting'],
    ['confirmed', c.confirmed, 'countConfirmed'],
    ['attended', c.attended, 'countAttended'],
    ['no-show', c.noShow, 'countNoShow'],
    ['free', c.free, 'countFree'],
  ] as const;
  return (
    <section aria-labelledby="card-counts-title" className="card-counts">
      <h2 id="card-counts-title" className="visually-hidden">
        {t('citizenCard.occurrence.counts')}
      </h2>
      <div role="status" aria-live="polite">
        <dl className="card-counts__list">
          {items.map(([key, n, label]) => (
            <div key={key} className="card-counts__item" data-testid={`card-count-${key}`}>
              <dt>{t(`citizenCard.occurrence.${label}`)}</dt>
              <dd>{formatNumber(n, language)}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
