/**
 * The first start: the passphrase is chosen (its rules shown before the fields, and applied by
 * the same shared schema as the core's), the data is encrypted (an earlier plain database too,
 * after a backup), then the recovery key is shown once.
 */
import { useTranslation } from 'react-i18next';
import { VAULT_LIMITS, vaultSetupInputSchema, type VaultStatus } from '#shared/vault/vault.schema.js';
import { useFacilitator } from '#renderer/app/use-facilitator.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { invoke } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { PassphraseFields } from './PassphraseFields';
import { useVaultForm } from './use-vault-form';
import { VaultFailure } from './VaultFailure';

export function SetupScreen({ status, onRecoveryKey }: { status: VaultStatus; onRecoveryKey: (key: string) => void }) {
  const { t } = useTranslation();
  const [facilitator, setFacilitator] = useFacilitator('');
  const form = useVaultForm({ actor: facilitator, passphrase: '', confirmation: '' });
  const title = t('vault.setup.title');
  const heading = useScreenTitle(title);

  async function submit() {
    const value = await form.submit(vaultSetupInputSchema, (input) => invoke('vault:setup', input));
    if (!value) return;
    setFacilitator(form.values.actor.trim());
    onRecoveryKey(value.recoveryKey);
  }

  return (
    <section className="vault-screen" aria-labelledby="vault-setup-title">
      <h1 id="vault-setup-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <p>{t('vault.setup.intro')}</p>
      {status.plainData ? <Alert tone="info">{t('vault.setup.plainData')}</Alert> : null}
      <div className="vault-rules" id="vault-rules">
        <h2 className="vault-rules__heading">{t('vault.setup.rulesHeading')}</h2>
        <ul>
          <li>{t('vault.setup.ruleLength', { count: VAULT_LIMITS.passphraseMin })}</li>
          <li>{t('vault.setup.ruleWords')}</li>
          <li>{t('vault.setup.ruleCommon')}</li>
        </ul>
      </div>
      <form
        noValidate
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <PassphraseFields form={form} withActor withConfirmation passphraseHint={t('vault.setup.ruleLength', { count: VAULT_LIMITS.passphraseMin })} autoFocus />
        <VaultFailure failure={form.failure} />
        <div className="form-actions">
          <Button type="submit" variant="primary" isDisabled={form.busy}>
            {form.busy ? t('vault.setup.busy') : t('vault.setup.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
