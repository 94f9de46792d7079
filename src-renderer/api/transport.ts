/**
 * The typed client over the two hosts. Under Electron the preload exposes `window.atelier`;
 * in a browser the web host answers `POST /rpc/<name>` and streams `GET /events`.
 * Neither ever throws: a network failure becomes `{ ok: false, error: { code: 'unavailable' } }`.
 */
import type { CommandInput, CommandName, CommandOutput, EventName, EventPayload } from '#shared/contract.js';
import { appErrorSchema, type Result } from '#shared/result.js';

export interface Transport {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** What the Electron preload exposes, and nothing more. */
export interface AtelierBridge {
  invoke(name: string, input: unknown): Promise<unknown>;
  on(name: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    atelier?: AtelierBridge;
  }
}

export interface Api {
  invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function unavailable(message: string): Result<never> {
  return { ok: false, error: { code: 'unavailable', message } };
}

/** Checks that an answer has the Result shape; anything else becomes an `internal` error. */
export function toResult(body: unknown): Result<unknown> {
  if (body && typeof body === 'object' && 'ok' in body) {
    const answer = body as { ok: unknown; value?: unknown; error?: unknown };
    if (answer.ok === true) return { ok: true, value: answer.value };
    const parsed = appErrorSchema.safeParse(answer.error);
    if (answer.ok === false && parsed.success) return { ok: false, error: parsed.data };
  }
  return { ok: false, error: { code: 'internal', message: 'Malformed answer from the host' } };
}

/** Wraps a transport so that nothing it does can throw into a screen. */
export function createApi(transport: Transport): Api {
  return {
    async invoke(name, input) {
      try {
        return (await transport.invoke(name, input)) as Result<never>;
      } catch (error) {
        return unavailable(error instanceof Error ? error.message : String(error));
      }
    },
    on(event, listener) {
      return transport.on(event, listener as (payload: unknown) => void);
    },
  };
}
