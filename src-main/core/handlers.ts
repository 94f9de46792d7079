/**
 * The handler table: one function per command of the contract. `satisfies Handlers` makes a
 * missing, extra or misspelt command a compile error.
 */
import type { CommandName, CommandOutput, CommandParsedInput } from '../../src-shared/contract.js';
import { ok, type Result } from '../../src-shared/result.js';
import type { ServiceDeps } from './deps.js';
import { createWorkshopsService } from './services/workshops/workshops.service.js';
import { countPendingOutbox } from './store/outbox.repository.js';

export type Handlers = {
  [K in CommandName]: (input: CommandParsedInput<K>) => Promise<Result<CommandOutput<K>>>;
};

export interface HandlerContext extends ServiceDeps {
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
}

export function createHandlers(ctx: HandlerContext) {
  const workshops = createWorkshopsService(ctx);
  return {
    'app:info': async () => ok({ version: ctx.appVersion, schemaVersion: ctx.schemaVersion, dataDir: ctx.dataDir }),
    'sync:status': async () => ok({ pending: await countPendingOutbox(ctx.db), lastSyncedAt: null, enrolled: false }),
    'workshops:list': workshops.list,
    'workshops:get': workshops.get,
    'workshops:create': workshops.create,
    'workshops:update': workshops.update,
    'workshops:open': workshops.open,
    'workshops:close': workshops.close,
    'workshops:cancel': workshops.cancel,
    'workshops:remove': workshops.remove,
    'workshops:restore': workshops.restore,
  } satisfies Handlers;
}
