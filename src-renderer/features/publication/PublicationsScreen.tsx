/** #/publications — the Lab's publications, months and years, and the forms of a new draft. */
import './publication.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { currentLanguage, translateError } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { CreateForm } from './CreateForm';
import { NOUN, periodText } from './shared';

export function PublicationsScreen() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const list = useResult(() => invoke('publication:list', {}), 'publications', ['publication:changed']);
  const heading = useScreenTitle(t('publication.ui.list.title'));
  const items = list.data?.publications ?? [];

  return (
    <div className="screen publication">
      <div className="screen__head">
        <h1 ref={heading} tabIndex={-1}>
          {t('publication.ui.list.title')}
        </h1>
      </div>
      <p>{t('publication.ui.list.intro')}</p>
      {list.error ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, list.error, NOUN)}</p>
        </Alert>
      ) : !list.data ? (
        <p className="loading">{t('publication.ui.loading')}</p>
      ) : items.length === 0 ? (
        <p className="empty-state">{t('publication.ui.list.none')}</p>
      ) : (
        <table className="data-table">
          <caption>{t('publication.ui.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('publication.ui.list.colPeriod')}</th>
              <th scope="col">{t('publication.ui.list.colTitle')}</th>
              <th scope="col">{t('publication.ui.list.colStatus')}</th>
              <th scope="col">{t('publication.ui.list.colVersion')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id} data-testid="publication-row">
                <th scope="row">{periodText(p.period, language)}</th>
                <td>
                  <Link to={`/publications/${p.id}`}>{p.title}</Link>
                </td>
                <td>{t(`publication.ui.list.status.${p.status}`)}</td>
                <td>{p.lastPublishedVersion > 0 ? p.lastPublishedVersion : t('publication.ui.list.never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="publication__forms">
        <CreateForm kind="month" />
        <CreateForm kind="year" />
      </div>
    </div>
  );
}
