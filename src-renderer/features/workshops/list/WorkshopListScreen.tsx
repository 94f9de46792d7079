/** #/workshops — the list, its filters, its count and what to do when it is empty. */
import '../workshops.css';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { translateError } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { Button } from '#renderer/components/Button.js';
import { filtersFromParams, filtersToParams, hasFilters, noFilters, toListInput } from './filters';
import { WorkshopFilters } from './WorkshopFilters';
import { WorkshopTable } from './WorkshopTable';

export function WorkshopListScreen() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const input = toListInput(filters);
  const list = useResult(() => invoke('workshops:list', input), JSON.stringify(input), ['workshops:changed']);
  const heading = useScreenTitle(t('workshops.list.title'));
  const filtered = hasFilters(filters);

  return (
    <div className="screen">
      <div className="screen__head">
        <h1 ref={heading} tabIndex={-1}>
          {t('workshops.list.title')}
        </h1>
        <Link to="/workshops/new" className="button button--primary">
          <span aria-hidden="true">+ </span>
          {t('app.nav.newWorkshop')}
        </Link>
      </div>

      <WorkshopFilters filters={filters} onChange={(next) => setParams(filtersToParams(next), { replace: true })} />

      <p className="list-count" aria-live="polite" aria-atomic="true" data-testid="list-count">
        {list.data ? t('workshops.list.count', { count: list.data.total }) : ''}
      </p>

      {list.error ? (
        <Alert tone="error" role="alert">
          <p>{t('workshops.list.loadError')} {translateError(t, list.error, 'workshop')}</p>
          <Button variant="secondary" onPress={list.reload}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : !list.data ? (
        <p className="loading">{t('workshops.list.loading')}</p>
      ) : list.data.items.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{filtered ? t('workshops.list.noMatch') : t('workshops.list.empty')}</p>
          <p>{filtered ? t('workshops.list.noMatchHint') : t('workshops.list.emptyHint')}</p>
          {filtered ? (
            <Button variant="secondary" onPress={() => setParams(filtersToParams(noFilters), { replace: true })}>
              {t('workshops.list.reset')}
            </Button>
          ) : null}
        </div>
      ) : (
        <WorkshopTable items={list.data.items} />
      )}
    </div>
  );
}
