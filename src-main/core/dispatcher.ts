/**
 * Every call into the core goes through here: unknown names refused, the input parsed with
 * the contract's schema again (never trust the caller), errors turned into data, and any
 * command slower than 40 ms logged with its name.
 */
import { contract, isCommandName, MAX_COMMAND_NAME } from '#shared/contract.js';
import { fail, fieldsFromIssues, type Result } from '#shared/result.js';
import type { Handlers } from './define-handlers.js';
import type { Logger } from './logger.js';

export const SLOW_COMMAND_MS = 40;

export type Dispatch = (name: string, input: unknown) => Promise<Result<unknown>>;

export function createDispatcher(handlers: Handlers, logger: Logger, slowMs = SLOW_COMMAND_MS): Dispatch {
  return async function dispatch(name, input) {
    if (typeof name !== 'string' || name.length > MAX_COMMAND_NAME || !isCommandName(name)) {
      return fail('unknown_command', `Unknown command ${String(name).slice(0, MAX_COMMAND_NAME)}`);
    }
    const parsed = contract[name].input.safeParse(input ?? {});
    if (!parsed.success) {
      return fail('validation', `Invalid input for ${name}`, fieldsFromIssues(parsed.error.issues));
    }
    const started = performance.now();
    try {
      const handler = handlers[name] as (input: unknown) => Promise<Result<unknown>>;
      return await handler(parsed.data);
    } catch (error) {
      logger.error({ command: name, err: error }, 'command failed');
      return fail('internal', `${name} failed unexpectedly`);
    } finally {
      const ms = performance.now() - started;
      if (ms > slowMs) logger.warn({ command: name, ms: Math.round(ms * 10) / 10 }, 'slow command');
    }
  };
}
