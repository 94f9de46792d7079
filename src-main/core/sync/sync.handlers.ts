/** The sync commands' handlers, spread into the core's handler table (handlers.ts). */
import { defineHandlers } from '../define-handlers.js';
import { createSyncService, type SyncServiceDeps } from './sync.service.js';

export function createSyncHandlers(deps: SyncServiceDeps) {
  const sync = createSyncService(deps);
  return defineHandlers<'sync'>({
    'sync:status': sync.status,
    'sync:now': sync.now,
    'sync:enrol': sync.enrol,
    'sync:rejected': sync.rejected,
    'sync:conflicts': sync.conflicts,
    'sync:resolve': sync.resolve,
  });
}
