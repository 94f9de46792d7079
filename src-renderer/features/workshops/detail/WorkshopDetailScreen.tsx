/** #/workshops/:id — the workshop, its status and what can be done with it now. */
import '../workshops.css';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { formatDateTime } from '#renderer/app/format.js';
import { currentLanguage, translateError } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { Button } from '#renderer/components/Button.js';
import { WorkshopActions } from './WorkshopActions';
import { WorkshopFacts } from './WorkshopFacts';

export function WorkshopDetailScreen() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const notice = useNotice();
  const loaded = useResult(() => invoke('workshops:get', { id }), id, ['workshops:changed']);
  const w = loaded.data;
  const heading = useScreenTitle(w?.title ?? (loaded.error ? t('workshops.detail.loadError') : undefined));

  return (
    <div className="screen screen--narrow">
      <p className="back-link">
        <Link to="/workshops">
          <span aria-hidden="true">← </span>
          {t('workshops.detail.back')}
        </Link>
      </p>
      {loaded.error && !w ? (
        <>
          <h1 ref={heading} tabIndex={-1}>
            {t('workshops.detail.loadError')}
          </h1>
          <Alert tone="error" role="alert">
            <p>{translateError(t, loaded.error, 'workshop')}</p>
            {loaded.error.code !== 'not_found' ? (
              <Button variant="secondary" onPress={loaded.reload}>
                {t('common.retry')}
              </Button>
            ) : null}
          </Alert>
        </>
      ) : !w ? (
        <p className="loading">{t('workshops.detail.loading')}</p>
      ) : (
        <>
          <h1 ref={heading} tabIndex={-1}>
            {w.title}
          </h1>
          {w.closedAt ? <p className="screen__meta">{t('workshops.detail.closedAt', { date: formatDateTime(w.closedAt, currentLanguage()) })}</p> : null}
          {w.cancelledAt ? <p className="screen__meta">{t('workshops.detail.cancelledAt', { date: formatDateTime(w.cancelledAt, currentLanguage()) })}</p> : null}
          {w.deletedAt ? (
            <Alert tone="info">
              <p>{t('workshops.detail.removedBanner')}</p>
              <Button
                variant="primary"
                onPress={() =>
                  void invoke('workshops:restore', { id: w.id }).then((r) => {
                    if (r.ok) notice.show({ tone: 'success', message: (tr) => tr('workshops.notices.restored', { title: w.title }) });
                    else notice.show({ tone: 'error', message: (tr) => translateError(tr, r.error, 'workshop') });
                  })
                }
              >
                {t('workshops.detail.restore')}
              </Button>
            </Alert>
          ) : (
            <WorkshopActions workshop={w} onStale={loaded.reload} />
          )}
          <WorkshopFacts workshop={w} />
        </>
      )}
    </div>
  );
}
