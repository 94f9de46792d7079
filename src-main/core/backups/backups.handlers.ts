/** The backup commands' handlers (refused while locked: a backup holds every person). */
import { defineHandlers } from '../define-handlers.js';
import type { BackupService } from './backups.service.js';

/** `service()` is null for an in-memory core, or before the data is open. */
export function createBackupHandlers(service: () => BackupService | null) {
  const unavailable = { ok: false as const, error: { code: 'unavailable' as const, message: 'This core has no data folder' } };
  return defineHandlers<'backups'>({
    'backups:list': async () => service()?.list() ?? unavailable,
    'backups:now': async () => service()?.now() ?? unavailable,
    'backups:restore': async ({ name, passphrase }) => (await service()?.restore(name, passphrase)) ?? unavailable,
  });
}
