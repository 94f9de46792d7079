/**
 * The quiet sync indicator: what is waiting to be sent and what will happen to it. Never a
 * dialog, never red: offline is normal. It says only what is true: a laptop never linked to a
 * portal has sent nothing, and says so, with what waits.
 * Refreshed on every event of the core, whatever the kind of record: the core also says
 * `sync:changed` after any local write, and listening to every event keeps the count right
 * for a kind of record added later.
 */
import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventName, SyncStatus } from '#shared/contract.js';
import { invoke } from '../api/client';
import { useResult } from '../api/use-result';
import { formatTime } from './format';
import { currentLanguage } from './i18n';

/** Every event of the contract (named here so the contract's schemas stay out of the first bundle). */
const everyEvent = ['sync:changed', 'workshops:changed', 'attendance:changed', 'proposals:changed', 'people:changed', 'vault:changed', 'charter:changed', 'citizen-card:changed', 'transfo:changed', 'transfoCases:changed', 'transfoTraining:changed', 'publication:changed'] as const satisfies readonly EventName[];
/** A compile error when the contract gains an event this list lacks. */
const listsEveryEvent: Exclude<EventName, (typeof everyEvent)[number]> extends never ? true : never = true;
void listsEveryEvent;

export function syncLine(t: TFunction, s: SyncStatus | undefined): string {
  if (!s) return t('app.sync.unknown');
  if (!s.enrolled) return s.pending === 0 ? t('app.sync.notLinkedEmpty') : t('app.sync.notLinked', { count: s.pending });
  const last = s.lastSyncedAt ? t('app.sync.lastSent', { time: formatTime(s.lastSyncedAt, currentLanguage()) }) : null;
  if (s.pending === 0) return last ? `${t('app.sync.upToDate')} — ${last}` : t('app.sync.nothingToSend');
  return `${t('app.sync.pending', { count: s.pending })} — ${last ?? t('app.sync.neverSent')}`;
}

export function SyncIndicator() {
  const { t } = useTranslation();
  const status = useResult(() => invoke('sync:status', {}), 'sync', everyEvent);
  // Back online: send now rather than at the next timer tick.
  useEffect(() => {
    const online = () => void invoke('sync:now', {});
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);
  const s = status.data;
  const text = syncLine(t, s);
  return (
    <p className="sync-indicator" data-testid="sync-indicator">
      <span className="sync-indicator__dot" aria-hidden="true" data-pending={s && s.pending > 0 ? 'yes' : 'no'} />
      <span className="visually-hidden">{t('app.sync.label')} : </span>
      {text}
      <Link to="/sync" className="sync-indicator__link">
        {t('syncCenter.link')}
      </Link>
    </p>
  );
}
