/** Where sending stands, in words, with progress during a sync and a "send now" button. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '#shared/contract.js';
import { invoke } from '../../api/client';
import { formatDateTime, formatNumber, formatTime } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { Button } from '../../components/Button';

export function SyncState({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const language = currentLanguage();
  const when = status.nextRunAt ? t('syncCenter.nextTry', { time: formatTime(status.nextRunAt, language) }) : '';
  const phase =
    status.phase === 'idle'
      ? t('syncCenter.phase.idle', { url: status.portalUrl ?? '' })
      : status.phase === 'offline'
        ? t('syncCenter.phase.offline', { when })
        : status.phase === 'revoked'
          ? t('syncCenter.phase.revoked', { count: status.pending })
          : t(`syncCenter.phase.${status.phase}`);
  const progress = status.progress;

  async function syncNow() {
    setBusy(true);
    await invoke('sync:now', {});
    setBusy(false);
  }

  return (
    <section aria-labelledby="sync-state" className="panel">
      <h2 id="sync-state">{t('syncCenter.stateHeading')}</h2>
      <p data-testid="sync-phase">{phase}</p>
      <p data-testid="sync-waiting">
        {status.pending === 0 ? t('syncCenter.nothingWaiting') : t('syncCenter.waiting', { count: status.pending })}
      </p>
      <p>{status.lastSyncedAt ? t('syncCenter.lastSynced', { time: formatDateTime(status.lastSyncedAt, language) }) : t('syncCenter.neverSynced')}</p>
      {progress ? (
        <div className="sync-progress">
          <p id="sync-progress-label" aria-live="polite">
            {t(`syncCenter.progress.${progress.step}`, {
              done: formatNumber(progress.done, language),
              total: progress.total === null ? '…' : formatNumber(progress.total, language),
            })}
          </p>
          {progress.total ? (
            <progress aria-labelledby="sync-progress-label" max={progress.total} value={progress.done} className="sync-progress__bar" />
          ) : null}
        </div>
      ) : null}
      {status.enrolled && status.phase !== 'revoked' ? (
        <Button variant="primary" onPress={() => void syncNow()} isDisabled={busy || status.phase === 'syncing'}>
          {busy || status.phase === 'syncing' ? t('syncCenter.syncing') : t('syncCenter.syncNow')}
        </Button>
      ) : null}
    </section>
  );
}
