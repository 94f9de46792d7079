/**
 * This laptop's security, once unlocked: a PIN that unlocks until the app restarts, the idle
 * time after which it locks (the lab's setting, 10 minutes by default), and a new passphrase
 * (the key is wrapped again; nothing is re-encrypted), and the encrypted backups.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { translateError, translateMessage } from '#renderer/app/i18n.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import type { AppError } from '#shared/result.js';
import { vaultChangeInputSchema, vaultPinInputSchema, vaultSettingsInputSchema } from '#shared/vault/vault.schema.js';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/TextField';
import { BackupsPanel } from './BackupsPanel';
import { PassphraseFields } from './PassphraseFields';
import { useVaultForm } from './use-vault-form';

function Saved({ text }: { text: string | null }) {
  return text ? <Alert tone="success" role="status">{text}</Alert> : null;
}

export function SecurityScreen() {
  const { t } = useTranslation();
  const title = t('vault.security.title');
  const heading = useScreenTitle(title);
  const status = useResult(() => invoke('vault:status', {}), 'vault:status', ['vault:changed']);
  const pin = useVaultForm({ pin: '' });
  const idle = useVaultForm({ idleMinutes: '' });
  const change = useVaultForm({ current: '', passphrase: '', confirmation: '' });
  const [saved, setSaved] = useState<{ pin?: string; idle?: string; change?: string }>({});
  const idleShown = idle.values.idleMinutes || String(status.data?.idleMinutes ?? '');

  /** What ends each form: the core's refusal, what was saved, and its button. */
  const formEnd = (form: { failure: AppError | null; busy: boolean }, savedText: string | undefined, submit: string) => (
    <>
      {form.failure ? (
        <Alert tone="error" role="alert">
          {translateError(t, form.failure, 'device')}
        </Alert>
      ) : null}
      <Saved text={savedText ?? null} />
      <div>
        <Button type="submit" variant="primary" isDisabled={form.busy}>
          {submit}
        </Button>
      </div>
    </>
  );

  return (
    <section className="vault-screen vault-screen--wide" aria-labelledby="vault-security-title">
      <h1 id="vault-security-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {status.data?.protection ? <p className="vault-protection">{t(`vault.security.protection_${status.data.protection}`)}</p> : null}
      <form
        noValidate
        className="panel form-grid"
        aria-labelledby="vault-pin-heading"
        onSubmit={(e) => {
          e.preventDefault();
          void pin.submit(vaultPinInputSchema, (input) => invoke('vault:set-pin', input)).then((v) => v && (pin.setValues({ pin: '' }), setSaved({ pin: t('vault.security.pinSaved') })));
        }}
      >
        <h2 id="vault-pin-heading">{t('vault.security.pinHeading')}</h2>
        <p>{t('vault.security.pinIntro')}</p>
        <TextField name="pin" type="password" label={t('vault.security.pin')} value={pin.values.pin} onChange={pin.set('pin')} errorMessage={translateMessage(t, pin.errors.pin)} isRequired autoComplete="off" />
        {formEnd(pin, saved.pin, t('vault.security.pinSubmit'))}
      </form>
      <form
        noValidate
        className="panel form-grid"
        aria-labelledby="vault-idle-heading"
        onSubmit={(e) => {
          e.preventDefault();
          const minutes = Number(idleShown);
          void idle
            .submit(vaultSettingsInputSchema, (input) => invoke('vault:settings', input), { idleMinutes: idleShown.trim() === '' ? Number.NaN : minutes })
            .then((v) => v && setSaved({ idle: t('vault.security.idleSaved', { count: v.idleMinutes }) }));
        }}
      >
        <h2 id="vault-idle-heading">{t('vault.security.idleHeading')}</h2>
        <TextField name="idleMinutes" label={t('vault.security.idleMinutes')} value={idleShown} onChange={idle.set('idleMinutes')} errorMessage={translateMessage(t, idle.errors.idleMinutes)} isRequired />
        {formEnd(idle, saved.idle, t('vault.security.idleSubmit'))}
      </form>
      <form
        noValidate
        className="panel form-grid"
        aria-labelledby="vault-change-heading"
        onSubmit={(e) => {
          e.preventDefault();
          void change
            .submit(vaultChangeInputSchema, (input) => invoke('vault:change-passphrase', input))
            .then((v) => v && (change.setValues({ current: '', passphrase: '', confirmation: '' }), setSaved({ change: t('vault.security.changed') })));
        }}
      >
        <h2 id="vault-change-heading">{t('vault.security.changeHeading')}</h2>
        <TextField name="current" type="password" label={t('vault.security.current')} value={change.values.current} onChange={change.set('current')} errorMessage={translateMessage(t, change.errors.current)} isRequired autoComplete="current-password" />
        <PassphraseFields form={change} withConfirmation passphraseLabel={t('vault.security.newPassphrase')} />
        {formEnd(change, saved.change, t('vault.security.changeSubmit'))}
      </form>
      <BackupsPanel />
    </section>
  );
}
