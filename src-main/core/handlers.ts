/**
 * The handler table: one function per command of the contract. `satisfies Handlers` makes a
 * missing, extra or misspelt command a compile error.
 */
import type { CommandName, CommandOutput, CommandParsedInput } from '../../src-shared/contract.js';
import { ok, type Result } from '../../src-shared/result.js';
import type { ServiceDeps } from './deps.js';
import { createWorkshopsService } from './workshops/workshops.service.js';
import { createAttendanceHandlers } from './attendance/attendance.handlers.js';
import { createProposalHandlers } from './proposals/proposals.handlers.js';
import { createStudyHandlers } from './study/study.handlers.js';
import type { Logger } from './logger.js';
import { createSilentLogger } from './logger.js';
import { createPortalHttp, type PortalHttp } from './sync/portal-http.js';
import { createMemorySecretStore, type SecretStore } from './sync/secret-store.js';
import { createSyncEngine, type SyncEngine } from './sync/sync-engine.js';
import { createSyncService } from './sync/sync.service.js';

export type Handlers = {
  [K in CommandName]: (input: CommandParsedInput<K>) => Promise<Result<CommandOutput<K>>>;
};

export interface HandlerContext extends ServiceDeps {
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  /** The sync client; created here (not started) when the caller does not pass one. */
  engine?: SyncEngine;
  logger?: Logger;
  /** Where the portal token lives; in memory and empty (not enrolled) by default. */
  secrets?: SecretStore;
  httpFor?: (portalUrl: string) => PortalHttp;
}

export function createHandlers(context: HandlerContext) {
  const ctx = {
    ...context,
    logger: context.logger ?? createSilentLogger(),
    secrets: context.secrets ?? createMemorySecretStore(null),
    httpFor: context.httpFor ?? ((baseUrl: string) => createPortalHttp({ baseUrl })),
  };
  const engine = ctx.engine ?? createSyncEngine(ctx);
  // Local writes nudge the sync so that a change made with a network leaves soon.
  const writing = { ...ctx, nudge: () => engine.nudge() };
  const workshops = createWorkshopsService(writing);
  const sync = createSyncService({ ...ctx, engine });
  return {
    'app:info': async () => ok({ version: ctx.appVersion, schemaVersion: ctx.schemaVersion, dataDir: ctx.dataDir }),
    'sync:status': sync.status,
    'sync:now': sync.now,
    'sync:enrol': sync.enrol,
    'sync:rejected': sync.rejected,
    'sync:conflicts': sync.conflicts,
    'sync:resolve': sync.resolve,
    'workshops:list': workshops.list,
    'workshops:get': workshops.get,
    'workshops:create': workshops.create,
    'workshops:update': workshops.update,
    'workshops:open': workshops.open,
    'workshops:close': workshops.close,
    'workshops:cancel': workshops.cancel,
    'workshops:remove': workshops.remove,
    'workshops:restore': workshops.restore,
    ...createAttendanceHandlers(writing),
    ...createProposalHandlers(writing),
    ...createStudyHandlers(ctx),
  } satisfies Handlers;
}
