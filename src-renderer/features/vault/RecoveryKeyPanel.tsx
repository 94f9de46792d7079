/**
 * The recovery key, shown once (at the first start, and after a reset with the old key): to be
 * printed and kept by the lab's IT apart from the laptop. It is in no file in clear; once this
 * panel is closed, nobody can show it again.
 */
import { useTranslation } from 'react-i18next';
import { formatRecoveryKey } from '#shared/vault/vault.schema.js';
import { useScreenTitle } from '#renderer/app/use-screen-title.js';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';

export function RecoveryKeyPanel({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const { t } = useTranslation();
  const title = t('vault.recovery.title');
  const heading = useScreenTitle(title);
  return (
    <section className="vault-screen" aria-labelledby="vault-recovery-title">
      <h1 id="vault-recovery-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <Alert tone="info">{t('vault.recovery.intro')}</Alert>
      <p className="vault-recovery__label" id="vault-recovery-key-label">
        {t('vault.recovery.keyLabel')}
      </p>
      <p className="vault-recovery__key" aria-labelledby="vault-recovery-key-label" data-testid="recovery-key">
        {formatRecoveryKey(recoveryKey)}
      </p>
      <div className="form-actions vault-no-print">
        <Button variant="secondary" onPress={() => window.print()}>
          {t('vault.recovery.print')}
        </Button>
        <Button variant="primary" onPress={onDone}>
          {t('vault.recovery.done')}
        </Button>
      </div>
    </section>
  );
}
