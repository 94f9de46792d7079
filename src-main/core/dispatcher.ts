/**
 * Every call into the core goes through here: unknown names refused, then the gate (the lock:
 * core.ts), the input parsed with the contract's schema again (never trust the caller), errors
 * turned into data, and any command slower than 40 ms logged with its name.
 */
import { contract, isCommandName, MAX_COMMAND_NAME, type CommandName } from '#shared/contract.js';
import { fail, fieldsFromIssues, type Result } from '#shared/result.js';
import type { Handlers } from './define-handlers.js';
import type { Logger } from './logger.js';

export const SLOW_COMMAND_MS = 40;

export type Dispatch = (name: string, input: unknown) => Promise<Result<unknown>>;

/** Called before the input is read: an answer refuses the command (the app is locked). */
export type Gate = (name: CommandName) => Result<never> | null;

export interface DispatcherOptions {
  slowMs?: number;
  gate?: Gate;
}

/** The handler table, or a function finding a handler when the table changes (the core's, once unlocked). */
export type HandlerSource = Handlers | ((name: CommandName) => Handlers[CommandName] | undefined);

export function createDispatcher(source: HandlerSource, logger: Logger, options: number | DispatcherOptions = {}): Dispatch {
  const { slowMs = SLOW_COMMAND_MS, gate } = typeof options === 'number' ? { slowMs: options } : options;
  const lookup = typeof source === 'function' ? source : (name: CommandName) => source[name];
  return async function dispatch(name, input) {
    if (typeof name !== 'string' || name.length > MAX_COMMAND_NAME || !isCommandName(name)) {
      return fail('unknown_command', `Unknown command ${String(name).slice(0, MAX_COMMAND_NAME)}`);
    }
    const refused = gate?.(name);
    if (refused) return refused;
    const parsed = contract[name].input.safeParse(input ?? {});
    if (!parsed.success) {
      return fail('validation', `Invalid input for ${name}`, fieldsFromIssues(parsed.error.issues));
    }
    const started = performance.now();
    try {
      const handler = lookup(name) as ((input: unknown) => Promise<Result<unknown>>) | undefined;
      if (!handler) return fail('unavailable', `${name} cannot run now`);
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
