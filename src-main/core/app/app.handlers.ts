/**
 * What "About" shows: the version and the schema version. Not where the data lives: an absolute
 * path tells any page that can call commands the user's name and folder layout.
 */
import { ok } from '#shared/result.js';
import { defineHandlers } from '../define-handlers.js';

export function createAppHandlers(ctx: { appVersion: string; schemaVersion: number }) {
  return defineHandlers<'app'>({
    'app:info': async () => ok({ version: ctx.appVersion, schemaVersion: ctx.schemaVersion }),
  });
}
