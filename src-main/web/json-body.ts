/**
 * How the web host reads a command's body: UTF-8 JSON only, without `__proto__` or
 * `constructor.prototype` keys, and nested no deeper than any command's input can be.
 *
 * The depth limit is not cosmetic: the parsed input is copied to the core worker with the
 * structured-clone algorithm, which recurses, so a few thousand levels of `[[[[…` overflow
 * the stack of the host. The contract's deepest input is four levels; 32 leaves room.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { WebHostError } from './http-errors.js';

export const MAX_INPUT_DEPTH = 32;

/** True when `value` has more than `max` levels of arrays or objects (iterative: no recursion to overflow). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push({ node: child, depth: depth + 1 });
    }
  }
  return false;
}

/** The charset parameter of a Content-Type, lower-cased; undefined when there is none. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

/**
 * Replaces every body parser with one for `application/json`: any other media type is then
 * refused (415) before its body is read, and the JSON one refuses what the core must never see.
 */
export function useJsonBodies(app: FastifyInstance): void {
  // Fastify's own parser, with prototype poisoning refused rather than cleaned.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request: FastifyRequest, body, done) => {
    const charset = charsetOf(request.headers['content-type']);
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      return done(new WebHostError(415, 'validation', 'Commands are sent as UTF-8 JSON'), undefined);
    }
    void parseJson(request, body as string, (error, parsed) => {
      if (error) {
        const empty = (error as { code?: string }).code === 'FST_ERR_CTP_EMPTY_JSON_BODY';
        return done(new WebHostError(400, 'validation', empty ? 'Empty body: send {} for a command without input' : 'The body is not valid JSON'), undefined);
      }
      if (nestedDeeperThan(parsed, MAX_INPUT_DEPTH)) {
        return done(new WebHostError(400, 'validation', `Input nested deeper than ${MAX_INPUT_DEPTH} levels`), undefined);
      }
      done(null, parsed);
    });
  });
}
