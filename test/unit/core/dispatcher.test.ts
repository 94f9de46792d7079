import { describe, expect, it } from 'vitest';
import { createDispatcher, SLOW_COMMAND_MS } from '#core/dispatcher.js';
import type { Handlers } from '#core/handlers.js';
import type { Logger } from '#core/logger.js';
import { ok } from '#shared/result.js';

type Call = { level: 'info' | 'warn' | 'error'; fields: Record<string, unknown>; message: string };

/** Records what the dispatcher logs, to see what an operator would find in the log file. */
function recordingLogger() {
  const calls: Call[] = [];
  const at = (level: Call['level']) => (fields: Record<string, unknown>, message: string) => calls.push({ level, fields, message });
  const logger = { info: at('info'), warn: at('warn'), error: at('error') } as unknown as Logger;
  return { logger, calls };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Only the handlers a test needs; the dispatcher looks up the others by name and never calls them. */
function handlers(partial: Partial<Record<keyof Handlers, (input: unknown) => Promise<unknown>>>): Handlers {
  return partial as unknown as Handlers;
}

describe('the dispatcher', () => {
  it('refuses a command that is not in the contract, without calling anything', async () => {
    const { logger, calls } = recordingLogger();
    const dispatch = createDispatcher(handlers({}), logger);
    expect(await dispatch('workshops:drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(await dispatch('x'.repeat(10_000), {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(calls).toEqual([]);
  });

  it('parses the input again and never calls the handler with bad input', async () => {
    let called = false;
    const dispatch = createDispatcher(handlers({ 'workshops:get': async () => ((called = true), ok(null)) }), recordingLogger().logger);
    const result = await dispatch('workshops:get', { id: 'not-a-uuid' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: { id: 'validation.invalid' } } });
    expect(called).toBe(false);
  });

  it('turns a handler that throws into an internal error, and logs it with the command name', async () => {
    const { logger, calls } = recordingLogger();
    const boom = new Error('disk I/O error');
    const dispatch = createDispatcher(handlers({ 'workshops:get': async () => { throw boom; } }), logger);
    const result = await dispatch('workshops:get', { id: crypto.randomUUID() });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'workshops:get failed unexpectedly' } });
    // The message the caller sees does not leak the internal error.
    expect(JSON.stringify(result)).not.toContain('disk I/O');
    expect(calls).toEqual([{ level: 'error', fields: { command: 'workshops:get', err: boom }, message: 'command failed' }]);
  });

  it(`logs a command slower than ${SLOW_COMMAND_MS} ms with its name and duration`, async () => {
    const { logger, calls } = recordingLogger();
    const dispatch = createDispatcher(handlers({ 'app:info': async () => (await sleep(SLOW_COMMAND_MS + 25), ok('slow')) }), logger);
    expect(await dispatch('app:info', {})).toEqual({ ok: true, value: 'slow' });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ level: 'warn', message: 'slow command', fields: { command: 'app:info' } });
    expect(calls[0]!.fields.ms).toBeGreaterThanOrEqual(SLOW_COMMAND_MS);
  });

  it('does not log a fast command', async () => {
    const { logger, calls } = recordingLogger();
    const dispatch = createDispatcher(handlers({ 'app:info': async () => ok('fast') }), logger);
    expect(await dispatch('app:info', {})).toEqual({ ok: true, value: 'fast' });
    expect(calls).toEqual([]);
  });
});
