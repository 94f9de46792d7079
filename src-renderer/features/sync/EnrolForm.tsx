/**
 * Connecting this computer to the portal with the operator's one-time code. The same shared
 * schema as the core checks the input; what is typed stays if the portal cannot be reached.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { syncEnrolInputSchema } from '#shared/sync/sync-commands.schema.js';
import { invoke } from '../../api/client';
import { translateError, translateMessage } from '../../app/i18n';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/TextField';

type Fields = { portalUrl: string; code: string; deviceName: string };
const empty: Fields = { portalUrl: '', code: '', deviceName: '' };

export function EnrolForm() {
  const { t } = useTranslation();
  const [values, setValues] = useState<Fields>(empty);
  const [errors, setErrors] = useState<Partial<Record<keyof Fields, string>>>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Fields) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  async function submit() {
    setMessage(null);
    const parsed = syncEnrolInputSchema.safeParse(values);
    if (!parsed.success) {
      const next: Partial<Record<keyof Fields, string>> = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as keyof Fields] ??= issue.message;
      setErrors(next);
      return;
    }
    setErrors({});
    setBusy(true);
    const result = await invoke('sync:enrol', parsed.data);
    setBusy(false);
    if (result.ok) {
      setValues(empty);
      setMessage({ tone: 'success', text: t('syncCenter.enrolled') });
    } else if (result.error.code === 'validation' && result.error.fields) {
      setErrors(result.error.fields);
    } else {
      setMessage({ tone: 'error', text: result.error.code === 'unavailable' ? t('syncCenter.enrolUnreachable') : translateError(t, result.error, 'device') });
    }
  }

  return (
    <section aria-labelledby="sync-enrol" className="panel">
      <h2 id="sync-enrol">{t('syncCenter.enrolHeading')}</h2>
      <p>{t('syncCenter.enrolIntro')}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        className="form-grid"
      >
        <TextField name="portalUrl" label={t('syncCenter.portalUrl')} description={t('syncCenter.portalUrlHint')} value={values.portalUrl} onChange={set('portalUrl')} errorMessage={translateMessage(t, errors.portalUrl)} isRequired autoComplete="url" />
        <TextField name="code" label={t('syncCenter.code')} description={t('syncCenter.codeHint')} value={values.code} onChange={set('code')} errorMessage={translateMessage(t, errors.code)} isRequired autoComplete="one-time-code" />
        <TextField name="deviceName" label={t('syncCenter.deviceName')} description={t('syncCenter.deviceNameHint')} value={values.deviceName} onChange={set('deviceName')} errorMessage={translateMessage(t, errors.deviceName)} isRequired />
        {message ? (
          <Alert tone={message.tone} role={message.tone === 'error' ? 'alert' : 'status'}>
            {message.text}
          </Alert>
        ) : null}
        <div>
          <Button type="submit" variant="primary" isDisabled={busy}>
            {t('syncCenter.enrol')}
          </Button>
        </div>
      </form>
    </section>
  );
}
