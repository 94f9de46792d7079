/**
 * The fields the vault's forms share: who is acting, a passphrase (hidden unless « Afficher »
 * is ticked) and, when one is chosen, the same again.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translateMessage } from '#renderer/app/i18n.js';
import { CheckboxField } from '../../components/CheckboxField';
import { TextField } from '../../components/TextField';

/** Any vault form with these fields (use-vault-form.ts). */
interface PassphraseForm {
  values: { actor?: string; passphrase: string; confirmation?: string };
  errors: Partial<Record<string, string>>;
  set(key: string): (value: string) => void;
}

export interface PassphraseFieldsProps {
  form: PassphraseForm;
  withActor?: boolean;
  withConfirmation?: boolean;
  passphraseLabel?: string;
  passphraseHint?: string;
  autoFocus?: boolean;
}

export function PassphraseFields({ form, withActor, withConfirmation, passphraseLabel, passphraseHint, autoFocus }: PassphraseFieldsProps) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const type = shown ? 'text' : 'password';
  return (
    <>
      {withActor ? (
        <TextField name="actor" label={t('vault.actor')} description={t('vault.actorHint')} value={form.values.actor ?? ''} onChange={form.set('actor')} errorMessage={translateMessage(t, form.errors.actor)} isRequired autoComplete="name" />
      ) : null}
      <TextField
        name="passphrase"
        type={type}
        label={passphraseLabel ?? t('vault.passphrase')}
        description={passphraseHint}
        value={form.values.passphrase}
        onChange={form.set('passphrase')}
        errorMessage={translateMessage(t, form.errors.passphrase)}
        isRequired
        autoFocus={autoFocus && !withActor}
        autoComplete={withConfirmation ? 'new-password' : 'current-password'}
      />
      {withConfirmation ? (
        <TextField name="confirmation" type={type} label={t('vault.confirmation')} value={form.values.confirmation ?? ''} onChange={form.set('confirmation')} errorMessage={translateMessage(t, form.errors.confirmation)} isRequired autoComplete="new-password" />
      ) : null}
      <CheckboxField name="show" label={t('vault.show')} value={shown} onChange={setShown} />
    </>
  );
}
