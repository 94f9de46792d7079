/**
 * The lock: after a start (« sealed »: only the passphrase opens the data) or a lock (the PIN
 * chosen since the start works too, until too many wrong ones). Who unlocks is named: the core
 * keeps it as the session's actor. « Phrase de passe oubliée ? » leads to the recovery key.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vaultRecoverInputSchema, vaultUnlockInputSchema, type VaultStatus } from '#shared/vault/vault.schema.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { useFacilitator } from '#renderer/app/use-facilitator.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { invoke } from '../../api/client';
import { Button } from '../../components/Button';
import { TextField } from '../../components/TextField';
import { PassphraseFields } from './PassphraseFields';
import { useVaultForm } from './use-vault-form';
import { VaultFailure } from './VaultFailure';

type Mode = 'pin' | 'passphrase' | 'recover';

export function UnlockScreen({ status, onUnlocked, onRecoveryKey }: { status: VaultStatus; onUnlocked: () => void; onRecoveryKey: (key: string) => void }) {
  const { t } = useTranslation();
  const [facilitator, setFacilitator] = useFacilitator('');
  const [mode, setMode] = useState<Mode>(status.pinAllowed ? 'pin' : 'passphrase');
  const form = useVaultForm({ actor: status.actor ?? facilitator, passphrase: '', confirmation: '', pin: '', recoveryKey: '' });
  const locked = status.state === 'locked';
  const title = mode === 'recover' ? t('vault.recover.title') : locked ? t('vault.unlock.lockedTitle') : t('vault.unlock.sealedTitle');
  const heading = useScreenTitle(title);
  const pinMode = mode === 'pin' && status.pinAllowed;

  async function submit() {
    const { actor, passphrase, pin, recoveryKey, confirmation } = form.values;
    if (mode === 'recover') {
      const value = await form.submit(vaultRecoverInputSchema, (input) => invoke('vault:recover', input), { actor, recoveryKey, passphrase, confirmation });
      if (!value) return;
      setFacilitator(actor.trim());
      onRecoveryKey(value.recoveryKey);
      return;
    }
    const input = pinMode ? { method: 'pin' as const, pin, actor } : { method: 'passphrase' as const, passphrase, actor };
    const value = await form.submit(vaultUnlockInputSchema, (parsed) => invoke('vault:unlock', parsed), input);
    if (!value) return;
    setFacilitator(actor.trim());
    onUnlocked();
  }

  const switchTo = (next: Mode) => {
    form.setValues((v) => ({ ...v, passphrase: '', confirmation: '', pin: '' }));
    setMode(next);
  };

  return (
    <section className="vault-screen" aria-labelledby="vault-unlock-title">
      <h1 id="vault-unlock-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p>{mode === 'recover' ? t('vault.recover.intro') : locked ? t('vault.unlock.lockedIntro') : t('vault.unlock.sealedIntro')}</p>
      {locked && mode !== 'recover' && status.lockReason && status.lockReason !== 'start' ? (
        <p className="vault-reason">{t(`vault.unlock.reason_${status.lockReason}`, { minutes: status.idleMinutes })}</p>
      ) : null}
      <form
        noValidate
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {mode === 'recover' ? (
          <>
            <TextField name="actor" label={t('vault.actor')} description={t('vault.actorHint')} value={form.values.actor} onChange={form.set('actor')} errorMessage={translateMessage(t, form.errors.actor)} isRequired autoComplete="name" />
            <TextField name="recoveryKey" label={t('vault.recover.key')} description={t('vault.recover.keyHint')} value={form.values.recoveryKey} onChange={form.set('recoveryKey')} errorMessage={translateMessage(t, form.errors.recoveryKey)} isRequired autoComplete="off" />
            <PassphraseFields form={form} withConfirmation passphraseLabel={t('vault.security.newPassphrase')} />
          </>
        ) : pinMode ? (
          <>
            <TextField name="actor" label={t('vault.actor')} description={t('vault.actorHint')} value={form.values.actor} onChange={form.set('actor')} errorMessage={translateMessage(t, form.errors.actor)} isRequired autoComplete="name" />
            <TextField name="pin" type="password" label={t('vault.unlock.pin')} description={t('vault.unlock.pinHint')} value={form.values.pin} onChange={form.set('pin')} errorMessage={translateMessage(t, form.errors.pin)} isRequired autoFocus autoComplete="off" />
          </>
        ) : (
          <PassphraseFields form={form} withActor />
        )}
        <VaultFailure failure={form.failure} />
        <div className="form-actions">
          <Button type="submit" variant="primary" isDisabled={form.busy}>
            {form.busy ? t('vault.unlock.busy') : mode === 'recover' ? t('vault.recover.submit') : t('vault.unlock.submit')}
          </Button>
          {mode === 'recover' ? (
            <Button variant="quiet" onPress={() => switchTo('passphrase')}>
              {t('vault.recover.back')}
            </Button>
          ) : (
            <>
              {status.pinAllowed ? (
                <Button variant="quiet" onPress={() => switchTo(pinMode ? 'passphrase' : 'pin')}>
                  {pinMode ? t('vault.unlock.usePassphrase') : t('vault.unlock.usePin')}
                </Button>
              ) : null}
              <Button variant="quiet" onPress={() => switchTo('recover')}>
                {t('vault.unlock.forgotten')}
              </Button>
            </>
          )}
        </div>
      </form>
    </section>
  );
}
