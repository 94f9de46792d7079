/**
 * #/people/retention — how long identities are kept after a person's last workshop (the lab's
 * setting, for every laptop), what the next purge removes and what the next 90 days will, as
 * counts by day and workshop: the lab sees it coming, without a name.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayText } from '#shared/people/report-text.js';
import type { RetentionOverview } from '#shared/people/people.schema.js';
import { invoke } from '../../api/client';
import { useResult } from '../../api/use-result';
import { formatDateTime, formatDay, formatNumber } from '../../app/format';
import { currentLanguage, translateError, translateMessage } from '../../app/i18n';
import { useNotice } from '../../app/notices';
import { useScreenTitle } from '../../app/use-screen-title';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { NumberField } from '../../components/NumberField';
import { ActorField } from './ActorField';
import { useActor } from './use-actor';
import './people.css';
import { BackLink } from '#renderer/components/BackLink.js';

function Upcoming({ o }: { o: RetentionOverview }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <section aria-labelledby="retention-upcoming" className="person-section">
      <h2 id="retention-upcoming">{t('people.retention.upcomingTitle', { days: o.horizonDays })}</h2>
      {o.upcoming.length === 0 ? (
        <p>{t('people.retention.noneUpcoming', { days: o.horizonDays })}</p>
      ) : (
        <table className="workshop-table" data-testid="retention-upcoming">
          <caption className="visually-hidden">{t('people.retention.upcomingCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('people.retention.colDay')}</th>
              <th scope="col">{t('people.retention.colWorkshop')}</th>
              <th scope="col" className="num">
                {t('people.retention.colCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {o.upcoming.map((u) => (
              <tr key={`${u.purgeOn}-${u.workshopId ?? ''}`}>
                <th scope="row">{dayText(u.purgeOn, language)}</th>
                <td>
                  {u.workshopTitle ?? t('people.retention.noWorkshop')}
                  {u.workshopEndedAt ? <span className="people-table__sub">{formatDay(u.workshopEndedAt, language)}</span> : null}
                </td>
                <td className="num">{formatNumber(u.count, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function RetentionScreen() {
  const { t } = useTranslation();
  const [actor, setActor] = useActor();
  const [asked, setAsked] = useState(actor.trim());
  const overview = useResult<RetentionOverview | null>(
    () => (asked ? invoke('people:retention', { actor: asked }) : Promise.resolve({ ok: true as const, value: null })),
    asked,
    ['people:changed', 'attendance:changed'],
  );
  const o = overview.data ?? undefined;
  // null until the person types: then what they typed, even an empty field.
  const [months, setMonths] = useState<{ value: number | null } | null>(null);
  const [monthsError, setMonthsError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const notice = useNotice();
  const heading = useScreenTitle(t('people.retention.title'));
  const language = currentLanguage();
  // What is typed, else the period in force.
  const shown = months ? months.value : (o?.months ?? null);

  async function save() {
    if (!asked) return;
    setSaving(true);
    const result = await invoke('people:set-retention', { months: shown ?? Number.NaN, actor: asked });
    setSaving(false);
    if (!result.ok) {
      setMonthsError(result.error.fields?.months ?? `validation.${result.error.code}`);
      return;
    }
    setMonthsError(undefined);
    setMonths(null);
    notice.show({ tone: 'success', message: (tr) => tr('people.retention.saved', { months: result.value.months }) });
    overview.reload();
  }

  return (
    <div className="screen people">
      <BackLink to="/people">{t('people.person.back')}</BackLink>
      <div className="screen__head">
        <h1 ref={heading} tabIndex={-1}>
          {t('people.retention.title')}
        </h1>
      </div>
      <p className="people__intro">{t('people.retention.intro')}</p>
      {!asked ? (
        <form noValidate className="people-search" onSubmit={(e) => { e.preventDefault(); setAsked(actor.trim()); }}>
          <ActorField value={actor} onChange={setActor} missing />
          <Button type="submit" variant="primary">
            {t('people.searchSubmit')}
          </Button>
        </form>
      ) : overview.error ? (
        <Alert tone="error" role="alert">
          <p>
            {t('people.retention.loadError')} {translateError(t, overview.error, 'person')}
          </p>
        </Alert>
      ) : !o ? (
        <p className="loading" role="status">
          {t('people.retention.loading')}
        </p>
      ) : (
        <>
          <form noValidate className="retention-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
            <NumberField
              label={t('people.retention.months')}
              name="months"
              value={shown}
              onChange={(v) => { setMonths({ value: v }); setMonthsError(undefined); }}
              description={t('people.retention.monthsHint')}
              errorMessage={translateMessage(t, monthsError)}
              isRequired
            />
            <Button type="submit" variant="primary" isDisabled={saving}>
              {t('people.retention.save')}
            </Button>
          </form>
          <ul className="retention-facts" data-testid="retention-facts">
            <li>{t('people.retention.current', { months: o.months })}</li>
            <li>{o.dueNow > 0 ? t('people.retention.dueNow', { count: o.dueNow }) : t('people.retention.nothingDue')}</li>
            <li>{o.lastPurge ? t('people.retention.lastPurge', { date: formatDateTime(o.lastPurge.at, language), count: o.lastPurge.erased }) : t('people.retention.neverPurged')}</li>
          </ul>
          <Upcoming o={o} />
        </>
      )}
    </div>
  );
}
