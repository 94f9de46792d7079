/** What "About" shows: the version, the schema version and where the data lives. */
import { ok } from '../../../src-shared/result.js';
import { defineHandlers } from '../define-handlers.js';

export function createAppHandlers(ctx: { appVersion: string; schemaVersion: number; dataDir: string }) {
  return defineHandlers<'app'>({
    'app:info': async () => ok({ version: ctx.appVersion, schemaVersion: ctx.schemaVersion, dataDir: ctx.dataDir }),
  });
}
