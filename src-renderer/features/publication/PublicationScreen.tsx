/**
 * #/publications/:id — a publication: the generated preview (sections, a table beside each
 * chart, the map), the Lab's texts and chosen photos, the exports (HTML page, PDF), publishing
 * (version n+1, after a confirmation: a published version never changes) and the versions.
 */
import './publication.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { currentLanguage, translateError } from '#renderer/app/i18n.js';
import { formatDateTime } from '#renderer/app/format.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { ActionDialog } from '#renderer/components/ActionDialog.js';
import { Alert } from '#renderer/components/Alert.js';
import { BackLink } from '#renderer/components/BackLink.js';
import { Button } from '#renderer/components/Button.js';
import { downloadBase64 } from '#renderer/components/download.js';
import type { AppError } from '#shared/result.js';
import { BlocksForm } from './BlocksForm';
import { PhotosForm } from './PhotosForm';
import { Preview } from './Preview';
import { NOUN, periodText } from './shared';

export function PublicationScreen() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { id = '' } = useParams();
  const preview = useResult(() => invoke('publication:preview', { id }), `publication-${id}`, ['publication:changed']);
  const p = preview.data?.publication;
  const heading = useScreenTitle(p ? p.title : t('publication.ui.loading'));
  const [status, setStatus] = useState<string>('');
  const [error, setError] = useState<AppError | null>(null);
  const [confirming, setConfirming] = useState(false);

  async function exportAs(format: 'html' | 'pdf', version?: number) {
    setError(null);
    setStatus(t('publication.ui.detail.exporting'));
    const file = await invoke('publication:export', version === undefined ? { id, format } : { id, format, version });
    if (!file.ok) {
      setStatus('');
      return setError(file.error);
    }
    downloadBase64(file.value.fileName, file.value.mediaType, file.value.base64);
    setStatus(t('publication.ui.detail.exported', { file: file.value.fileName }));
  }

  async function publish() {
    if (!p) return;
    setConfirming(false);
    setError(null);
    const done = await invoke('publication:publish', { id, expectedVersion: p.version });
    if (!done.ok) return setError(done.error);
    setStatus(t('publication.ui.detail.published', { n: done.value.lastPublishedVersion }));
  }

  if (preview.error) {
    return (
      <div className="screen publication">
        <BackLink to="/publications">{t('publication.ui.detail.back')}</BackLink>
        <h1 ref={heading} tabIndex={-1}>
          {t('publication.title')}
        </h1>
        <Alert tone="error" role="alert">
          <p>{translateError(t, preview.error, NOUN)}</p>
        </Alert>
      </div>
    );
  }
  if (!preview.data || !p) return <p className="loading">{t('publication.ui.loading')}</p>;
  const next = p.lastPublishedVersion + 1;
  const { versions } = preview.data;

  return (
    <div className="screen publication">
      <BackLink to="/publications">{t('publication.ui.detail.back')}</BackLink>
      <div className="screen__head">
        <h1 ref={heading} tabIndex={-1}>
          {p.title}
        </h1>
      </div>
      <p>
        {periodText(p.period, language)} — {t(`publication.ui.list.status.${p.status}`)}
      </p>
      <p role="status" className="publication__status">
        {status}
      </p>
      {error ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, error, NOUN)}</p>
        </Alert>
      ) : null}

      <section aria-labelledby="publication-preview-title" className="card-panel">
        <h2 id="publication-preview-title">{t('publication.ui.detail.preview')}</h2>
        <Preview figures={preview.data.figures} map={preview.data.map} />
      </section>

      <BlocksForm key={`${p.id}-${p.version}`} publication={p} />
      {p.period.kind === 'month' ? <PhotosForm key={`photos-${p.id}-${p.version}`} publication={p} candidates={preview.data.candidatePhotos} /> : null}

      <section aria-labelledby="publication-export-title" className="card-panel">
        <h2 id="publication-export-title">{t('publication.ui.detail.exportTitle')}</h2>
        <div className="form-actions">
          <Button onPress={() => void exportAs('html')}>{t('publication.ui.detail.exportHtml')}</Button>
          <Button onPress={() => void exportAs('pdf')}>{t('publication.ui.detail.exportPdf')}</Button>
        </div>
      </section>

      <section aria-labelledby="publication-publish-title" className="card-panel">
        <h2 id="publication-publish-title">{t('publication.ui.detail.publishTitle')}</h2>
        <p>{t('publication.ui.detail.publishIntro', { n: next })}</p>
        <Button variant="primary" onPress={() => setConfirming(true)}>
          {t('publication.ui.detail.publish', { n: next })}
        </Button>
        <ActionDialog isOpen={confirming} onOpenChange={setConfirming} title={t('publication.ui.detail.confirmTitle', { n: next })}>
          <p>{t('publication.ui.detail.confirmBody')}</p>
          <div className="form-actions">
            <Button variant="primary" onPress={() => void publish()}>
              {t('publication.ui.detail.confirm')}
            </Button>
            <Button variant="quiet" onPress={() => setConfirming(false)}>
              {t('publication.ui.detail.cancel')}
            </Button>
          </div>
        </ActionDialog>
      </section>

      <section aria-labelledby="publication-versions-title" className="card-panel">
        <h2 id="publication-versions-title">{t('publication.ui.detail.versionsTitle')}</h2>
        {versions.length === 0 ? (
          <p className="empty-state">{t('publication.ui.detail.noVersion')}</p>
        ) : (
          <table className="data-table">
            <caption>{t('publication.ui.detail.versionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('publication.ui.detail.colN')}</th>
                <th scope="col">{t('publication.ui.detail.colAt')}</th>
                <th scope="col">{t('publication.ui.detail.colBy')}</th>
                <th scope="col">{t('publication.ui.detail.exportTitle')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.id} data-testid="version-row">
                  <th scope="row">
                    {v.n} — {t('publication.ui.detail.readOnly')}
                  </th>
                  <td>{formatDateTime(v.publishedAt, language)}</td>
                  <td>{v.publishedBy}</td>
                  <td>
                    <Button variant="quiet" onPress={() => void exportAs('html', v.n)}>
                      {t('publication.ui.detail.openVersion', { n: v.n })}
                    </Button>
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
