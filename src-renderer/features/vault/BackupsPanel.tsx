/**
 * The encrypted backups on « Sécurité »: what is kept (daily, before an update, before the
 * encryption, before a restore), one taken now, and a restore that asks for the passphrase
 * again (the current data is kept as a backup first: a restore loses nothing).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { formatDateTime } from '#renderer/app/format.js';
import { currentLanguage, translateError, translateMessage } from '#renderer/app/i18n.js';
import { backupRestoreInputSchema } from '#shared/vault/backup.schema.js';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useVaultForm } from './use-vault-form';

export function BackupsPanel() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const backups = useResult(() => invoke('backups:list', {}), 'backups:list');
  const form = useVaultForm({ name: '', passphrase: '' });
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = backups.data?.items ?? [];
  const label = (b: (typeof items)[number]) => `${formatDateTime(b.takenAt, language)} — ${t(`vault.backups.kind_${b.kind}`)}`;

  async function takeNow() {
    setBusy(true);
    const result = await invoke('backups:now', {});
    setBusy(false);
    setDone(result.ok ? t('vault.backups.taken') : translateError(t, result.error, 'device'));
    backups.reload();
  }

  async function restore() {
    setDone(null);
    const chosen = items.find((b) => b.name === form.values.name);
    const value = await form.submit(backupRestoreInputSchema, (input) => invoke('backups:restore', input));
    if (!value) return;
    form.setValues({ name: '', passphrase: '' });
    setDone(t('vault.backups.restored', { date: chosen ? formatDateTime(chosen.takenAt, language) : value.restored.name }));
    backups.reload();
  }

  return (
    <section className="panel" aria-labelledby="vault-backups-heading">
      <h2 id="vault-backups-heading">{t('vault.backups.heading')}</h2>
      <p>{t('vault.backups.intro', { count: backups.data?.keptDays ?? 14 })}</p>
      {items.length === 0 ? (
        <p>{t('vault.backups.empty')}</p>
      ) : (
        <ul className="vault-backups" data-testid="backups">
          {items.map((b) => (
            <li key={b.name}>{label(b)}</li>
          ))}
        </ul>
      )}
      <Button variant="secondary" isDisabled={busy} onPress={() => void takeNow()}>
        {t('vault.backups.now')}
      </Button>
      {done ? (
        <Alert tone="success" role="status">
          {done}
        </Alert>
      ) : null}
      {items.length > 0 ? (
        <form
          noValidate
          className="form-grid"
          aria-labelledby="vault-restore-heading"
          onSubmit={(e) => {
            e.preventDefault();
            void restore();
          }}
        >
          <h3 id="vault-restore-heading">{t('vault.backups.restoreHeading')}</h3>
          <p>{t('vault.backups.restoreIntro')}</p>
          <SelectField
            name="name"
            label={t('vault.backups.choose')}
            placeholder={t('common.choose')}
            options={items.map((b) => ({ id: b.name, label: label(b) }))}
            value={form.values.name || null}
            onChange={(v) => form.set('name')(v ?? '')}
            errorMessage={translateMessage(t, form.errors.name)}
            isRequired
          />
          <TextField name="restorePassphrase" type="password" label={t('vault.passphrase')} value={form.values.passphrase} onChange={form.set('passphrase')} errorMessage={translateMessage(t, form.errors.passphrase)} isRequired autoComplete="current-password" />
          {form.failure ? (
            <Alert tone="error" role="alert">
              {translateError(t, form.failure, 'device')}
            </Alert>
          ) : null}
          <div>
            <Button type="submit" variant="danger" isDisabled={form.busy}>
              {t('vault.backups.restore')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
