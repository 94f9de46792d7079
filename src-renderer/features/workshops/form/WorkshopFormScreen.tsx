/** #/workshops/new and #/workshops/:id/edit */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isEditable } from '#shared/workshops/workshop.schema.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { translateError } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '#renderer/components/Alert.js';
import { WorkshopForm } from './WorkshopForm';

export function WorkshopFormScreen() {
  const { id } = useParams();
  return id ? <EditScreen id={id} /> : <NewScreen />;
}

function NewScreen() {
  const { t } = useTranslation();
  const heading = useScreenTitle(t('workshops.form.titleNew'));
  return (
    <div className="screen screen--narrow">
      <h1 ref={heading} tabIndex={-1}>
        {t('workshops.form.titleNew')}
      </h1>
      <WorkshopForm />
    </div>
  );
}

function EditScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  // Loaded once: a later change elsewhere must not reset what is being typed.
  const loaded = useResult(() => invoke('workshops:get', { id }), id);
  const heading = useScreenTitle(t('workshops.form.titleEdit'));
  const w = loaded.data;
  return (
    <div className="screen screen--narrow">
      <p className="back-link">
        <Link to={`/workshops/${id}`}>
          <span aria-hidden="true">← </span>
          {w ? w.title : t('workshops.detail.back')}
        </Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t('workshops.form.titleEdit')}
      </h1>
      {loaded.error ? (
        <Alert tone="error" role="alert">
          <p>{translateError(t, loaded.error, 'workshop')}</p>
        </Alert>
      ) : !w ? (
        <p className="loading">{t('workshops.detail.loading')}</p>
      ) : !isEditable(w.status) || w.deletedAt ? (
        <Alert tone="info">
          <p>{t('workshops.form.notEditable')}</p>
        </Alert>
      ) : (
        <WorkshopForm workshop={w} />
      )}
    </div>
  );
}
