/**
 * The portal's JSON body parser: Fastify's own (which refuses `__proto__` and `constructor`
 * keys), plus a bound on nesting. Parsing is iterative, but code that walks a value afterwards
 * (serialising, comparing, hashing) may recurse: a body nested deeper than any message of the
 * protocol is refused here, before anything walks it.
 */
import type { FastifyInstance } from 'fastify';
import { SYNC_LIMITS } from '#shared/sync/protocol.schema.js';
import { jsonDepthExceeds } from '#shared/sync/json-depth.js';
import { PortalError } from './errors.js';

export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // parseAs 'string' hands over a string; the type allows a Buffer for other parsers.
    void parse(request, String(body), (error, value) => {
      if (error) return done(error, undefined);
      if (jsonDepthExceeds(value, SYNC_LIMITS.bodyDepth)) {
        return done(new PortalError(400, 'invalid_request', `The request body nests more than ${SYNC_LIMITS.bodyDepth} levels.`), undefined);
      }
      done(null, value);
    });
  });
}

/** UTF-8 bytes of a value as JSON; a value that cannot be serialised counts as too big. */
export function jsonBytes(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
