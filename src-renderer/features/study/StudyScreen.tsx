/**
 * #/study — the sociology dashboard: what it covers, the key figures, the downloads (near the
 * top: a person who came for the files does not scroll through every table), then the tables.
 */
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { EventName } from '#shared/contract.js';
import type { StudyDashboard } from '#shared/study/study.schema.js';
import { invoke } from '../../api/client';
import { useResult } from '../../api/use-result';
import { formatNumber } from '../../app/format';
import { currentLanguage, translateError } from '../../app/i18n';
import { useScreenTitle } from '../../app/use-screen-title';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { MaskedValue } from './MaskedValue';
import { ExportButtons } from './ExportButtons';
import { paramsToQuery, queryToParams, toStudyQuery } from './query';
import { StudyQueryForm } from './StudyQueryForm';
import { SupportMatrix } from './SupportMatrix';
import { TableFigure } from './TableFigure';
import './study.css';

const refreshOn: readonly EventName[] = ['workshops:changed', 'attendance:changed', 'proposals:changed'];

function Headline({ d }: { d: StudyDashboard }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const plain = (n: number) => formatNumber(n, language);
  const items = [
    { key: 'participants', value: <MaskedValue cell={d.headline.participants} /> },
    { key: 'withProfile', value: <MaskedValue cell={d.headline.withProfile} /> },
    { key: 'proposals', value: plain(d.headline.proposals) },
    { key: 'supports', value: plain(d.headline.supports) },
    { key: 'dots', value: plain(d.headline.dots) },
  ] as const;
  return (
    <section aria-labelledby="study-headline">
      <h2 id="study-headline">{t('study.headlineTitle')}</h2>
      <dl className="study-headline">
        {items.map((item) => (
          <div key={item.key} className="study-headline__item" data-testid={`study-headline-${item.key}`}>
            <dt>{t(`study.headline.${item.key}`)}</dt>
            <dd>{item.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function StudyScreen() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const value = paramsToQuery(params);
  const query = toStudyQuery(value);
  const key = JSON.stringify(query);
  // Until a workshop or both dates are chosen there is nothing to ask: no error before a choice.
  const incomplete = (value.scope === 'workshop' && !value.workshopId) || (value.scope === 'period' && (!value.from || !value.to));
  const dashboard = useResult<StudyDashboard>(
    () => (incomplete ? Promise.resolve({ ok: false, error: { code: 'validation', message: 'incomplete query' } }) : invoke('study:dashboard', query)),
    key,
    refreshOn,
  );
  const heading = useScreenTitle(t('study.title'));
  const errors = dashboard.error?.code === 'validation' ? (dashboard.error.fields ?? {}) : {};
  const d = dashboard.data;

  return (
    <div className="screen study">
      <div className="screen__head">
        <h1 ref={heading} tabIndex={-1}>
          {t('study.title')}
        </h1>
      </div>
      <p className="study__intro">{t('study.intro')}</p>
      <StudyQueryForm value={value} errors={errors} onChange={(next) => setParams(queryToParams(next), { replace: true })} />

      <Alert tone="info">
        <p className="study__masking-title">{t('study.maskingTitle')}</p>
        <p>{t('study.maskingSmall')}</p>
        <p>{t('study.maskingComplement')}</p>
      </Alert>

      {dashboard.error && dashboard.error.code !== 'validation' ? (
        <Alert tone="error" role="alert">
          <p>
            {t('study.loadError')} {translateError(t, dashboard.error, 'workshop')}
          </p>
          <Button variant="secondary" onPress={dashboard.reload}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : incomplete ? (
        <p className="study__choose" data-testid="study-choose">
          {value.scope === 'workshop' ? t('study.chooseWorkshopFirst') : t('study.choosePeriodFirst')}
        </p>
      ) : dashboard.error ? null : !d ? (
        <p className="loading">{t('study.loading')}</p>
      ) : (
        <div className="study__results" aria-busy={dashboard.loading}>
          <p className="study__covers" aria-live="polite" data-testid="study-covers">
            {d.workshops === 0 ? t('study.noWorkshops') : t('study.covers', { count: d.workshops })}
          </p>
          <Headline d={d} />
          <ExportButtons query={query} />
          <section aria-labelledby="study-attendance">
            <h2 id="study-attendance">{t('study.attendanceTitle')}</h2>
            <p>{t('study.attendanceHint', { total: d.headline.withProfile.masked ? t('study.maskedSmallSr') : formatNumber(d.headline.withProfile.value ?? 0, currentLanguage()) })}</p>
            <div className="study__grid">
              {d.attendance.map((table) => (
                <TableFigure key={table.id} table={table} />
              ))}
            </div>
          </section>
          <section aria-labelledby="study-proposals">
            <h2 id="study-proposals">{t('study.proposalsTitle')}</h2>
            <p>{d.headline.proposals === 0 ? t('study.noProposals') : t('study.proposalsHint')}</p>
            <div className="study__grid">
              {d.proposals.map((table) => (
                <TableFigure key={table.id} table={table} />
              ))}
            </div>
          </section>
          <section aria-labelledby="study-supports">
            <h2 id="study-supports">{t('study.supportsTitle')}</h2>
            <p>{t('study.supportsHint')}</p>
            {d.supports.map((table) => (
              <SupportMatrix key={table.id} table={table} />
            ))}
          </section>
        </div>
      )}
    </div>
  );
}
