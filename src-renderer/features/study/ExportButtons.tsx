/**
 * The four downloads. Each asks the core for the file (built from the same masked figures),
 * then hands it to the browser as a download. While the core works, the button says so and a
 * status line tells screen readers; a file never takes the screen away from the person.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { studyExportFormats, type StudyExportFormat, type StudyQuery } from '#shared/study/study.schema.js';
import { invoke } from '../../api/client';
import { currentLanguage, translateError } from '../../app/i18n';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { downloadBase64 } from '../../components/download';


type State = { kind: 'idle' } | { kind: 'busy'; format: StudyExportFormat } | { kind: 'done'; name: string } | { kind: 'error'; message: string };

export function ExportButtons({ query }: { query: StudyQuery }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function run(format: StudyExportFormat) {
    setState({ kind: 'busy', format });
    const result = await invoke('study:export', { query, format, language: currentLanguage() });
    if (!result.ok) {
      setState({ kind: 'error', message: `${t('study.exportError')} ${translateError(t, result.error, 'workshop')}` });
      return;
    }
    downloadBase64(result.value.fileName, result.value.mediaType, result.value.base64);
    setState({ kind: 'done', name: result.value.fileName });
  }

  return (
    <section className="study-exports" aria-labelledby="study-exports-title">
      <h2 id="study-exports-title">{t('study.exportsTitle')}</h2>
      <p className="study-exports__hint">{t('study.exportsHint')}</p>
      <div className="study-exports__buttons">
        {studyExportFormats.map((format) => (
          <Button key={format} variant="secondary" isPending={state.kind === 'busy' && state.format === format} isDisabled={state.kind === 'busy'} onPress={() => void run(format)} data-testid={`study-export-${format}`}>
            {t(`study.exportFormats.${format}`)}
          </Button>
        ))}
      </div>
      <p className="study-exports__status" role="status" aria-live="polite">
        {state.kind === 'busy' ? (
          <>
            <span className="spinner" aria-hidden="true" /> {t('study.exporting', { format: t(`study.exportFormats.${state.format}`) })}
          </>
        ) : state.kind === 'done' ? (
          t('study.exported', { name: state.name })
        ) : (
          ''
        )}
      </p>
      {state.kind === 'error' ? (
        <Alert tone="error" role="alert">
          <p>{state.message}</p>
        </Alert>
      ) : null}
    </section>
  );
}
