/**
 * What the window shows before the app's screens: the first start, the lock, the recovery key.
 * The core is the lock (it refuses personal commands while locked, whatever this shows); the
 * gate follows its state (`vault:status`, `vault:changed`), so a reloaded tab shows the lock
 * again and no screen with personal data is mounted while the app is locked.
 *
 * While unlocked, a key press or a click tells the core that someone is there (at most every
 * 20 s), so the idle lock counts from the last person at the keyboard.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '#renderer/api/client.js';
import { useResult, type Loaded } from '#renderer/api/use-result.js';
import { translateError } from '#renderer/app/i18n.js';
import type { VaultStatus } from '#shared/vault/vault.schema.js';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { RecoveryKeyPanel } from './RecoveryKeyPanel';
import { SetupScreen } from './SetupScreen';
import { UnlockScreen } from './UnlockScreen';
import './vault.css';

const ACTIVITY_EVERY_MS = 20_000;

export function useVaultStatus(): Loaded<VaultStatus> {
  return useResult(() => invoke('vault:status', {}), 'vault:status', ['vault:changed']);
}

function useActivityReports(active: boolean) {
  useEffect(() => {
    if (!active) return;
    let last = 0;
    const report = () => {
      const t = Date.now();
      if (t - last < ACTIVITY_EVERY_MS) return;
      last = t;
      void invoke('vault:activity', {});
    };
    window.addEventListener('keydown', report, true);
    window.addEventListener('pointerdown', report, true);
    return () => {
      window.removeEventListener('keydown', report, true);
      window.removeEventListener('pointerdown', report, true);
    };
  }, [active]);
}

export function VaultGate({ status, children }: { status: Loaded<VaultStatus>; children: ReactNode }) {
  const { t } = useTranslation();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const state = status.data?.state;
  useActivityReports(state === 'unlocked');

  if (recoveryKey) {
    return (
      <RecoveryKeyPanel
        recoveryKey={recoveryKey}
        onDone={() => {
          setRecoveryKey(null);
          status.reload();
        }}
      />
    );
  }
  if (!status.data) {
    return status.error ? (
      <section className="vault-screen">
        <h1>{t('app.name')}</h1>
        <Alert tone="error" role="alert">
          {translateError(t, status.error, 'device')}
        </Alert>
        <Button onPress={status.reload}>{t('common.retry')}</Button>
      </section>
    ) : null;
  }
  if (state === 'unlocked') return children;
  if (state === 'setup') return <SetupScreen status={status.data} onRecoveryKey={setRecoveryKey} />;
  // Keyed by the state: a lock while the passphrase screen is open starts it afresh (PIN first).
  return <UnlockScreen key={state} status={status.data} onUnlocked={status.reload} onRecoveryKey={setRecoveryKey} />;
}

/** The header's « Sécurité » link and « Verrouiller » button, shown while unlocked. */
export function LockControls({ status, securityLink }: { status: Loaded<VaultStatus>; securityLink: ReactNode }) {
  const { t } = useTranslation();
  if (status.data?.state !== 'unlocked') return null;
  return (
    <div className="vault-controls">
      {securityLink}
      <Button variant="secondary" className="vault-controls__lock" aria-description={t('vault.lockButtonHint')} onPress={() => void invoke('vault:lock', { reason: 'manual' }).then(status.reload)}>
        {t('vault.lockButton')}
      </Button>
    </div>
  );
}
