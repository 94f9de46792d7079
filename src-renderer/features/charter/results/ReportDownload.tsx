/** The restitution report: the core writes the PDF (base64), the browser downloads it; progress and errors said in words. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '#renderer/api/client.js';
import { currentLanguage } from '#renderer/app/i18n.js';
import { Button } from '#renderer/components/Button.js';
import { ErrorAlert } from '#renderer/components/ErrorAlert.js';
import { downloadBase64 } from '#renderer/components/download.js';
import { refusalText } from '../record-nouns';

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; name: string } | { kind: 'error'; message: string };

export function ReportDownload({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'idle' });
  async function run() {
    setState({ kind: 'busy' });
    const result = await invoke('charter:report', { consultationId, locale: currentLanguage() });
    if (!result.ok) return setState({ kind: 'error', message: `${t('charter.results.reportError')} ${refusalText(t, result.error, 'consultation')}` });
    downloadBase64(result.value.fileName, 'application/pdf', result.value.base64);
    setState({ kind: 'done', name: result.value.fileName });
  }
  return (
    <section className="charter-section" aria-labelledby="results-report">
      <h2 id="results-report">{t('charter.results.reportHeading')}</h2>
      <p>{t('charter.results.reportHint')}</p>
      <Button variant="primary" isPending={state.kind === 'busy'} isDisabled={state.kind === 'busy'} onPress={() => void run()}>
        {t('charter.results.report')}
      </Button>
      <p role="status" aria-live="polite" className="charter-status">
        {state.kind === 'busy' ? t('charter.results.reportBusy') : state.kind === 'done' ? t('charter.results.reportDone', { name: state.name }) : ''}
      </p>
      <ErrorAlert message={state.kind === 'error' ? state.message : null} />
    </section>
  );
}
