/** #/sources — "About / Sources": the public data shipped with the app and their licences. */
import '../proposals.css';
import { useTranslation } from 'react-i18next';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { useLicences } from '../use-reference';

export function SourcesScreen() {
  const { t } = useTranslation();
  const heading = useScreenTitle(t('proposals.sources.title'));
  const licences = useLicences();
  return (
    <div className="screen screen--narrow">
      <h1 ref={heading} tabIndex={-1}>
        {t('proposals.sources.title')}
      </h1>
      <p>{t('proposals.sources.intro')}</p>
      <table className="sources-table">
        <thead>
          <tr>
            <th scope="col">{t('proposals.sources.dataset')}</th>
            <th scope="col">{t('proposals.sources.producer')}</th>
            <th scope="col">{t('proposals.sources.licence')}</th>
          </tr>
        </thead>
        <tbody>
          {licences.map((l) => (
            <tr key={l.dataset}>
              <td>{l.dataset}</td>
              <td>{l.producer}</td>
              <td>
                {l.licence} — <span className="sources-table__url">{l.licenceUrl}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
