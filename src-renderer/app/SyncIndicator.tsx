/**
 * The quiet sync indicator: what is waiting to be sent and what will happen to it. Never a
 * dialog, never red: offline is normal. Refreshed whenever the core says something changed.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { invoke } from '../api/client';
import { useResult } from '../api/use-result';
import { formatTime } from './format';
import { currentLanguage } from './i18n';

export function SyncIndicator() {
  const { t } = useTranslation();
  const status = useResult(() => invoke('sync:status', {}), 'sync', ['workshops:changed', 'sync:changed']);
  // Back online: send now rather than at the next timer tick.
  useEffect(() => {
    const online = () => void invoke('sync:now', {});
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);
  const s = status.data;
  let text: string;
  if (!s) text = t('sync.unknown');
  else {
    const first = s.pending === 0 ? t('sync.upToDate') : t('sync.pending', { count: s.pending });
    const then = !s.enrolled
      ? s.pending > 0
        ? t('sync.notEnrolled')
        : null
      : s.lastSyncedAt
        ? t('sync.lastSent', { time: formatTime(s.lastSyncedAt, currentLanguage()) })
        : null;
    text = then ? `${first} — ${then}` : first;
  }
  return (
    <p className="sync-indicator" data-testid="sync-indicator">
      <span className="sync-indicator__dot" aria-hidden="true" data-pending={s && s.pending > 0 ? 'yes' : 'no'} />
      <span className="visually-hidden">{t('sync.label')} : </span>
      {text}
      <Link to="/sync" className="sync-indicator__link">
        {t('syncCenter.link')}
      </Link>
    </p>
  );
}
