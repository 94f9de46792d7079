/**
 * The device's HTTP calls to the portal, each answer classified (docs/sync-protocol.md):
 * network errors, timeouts, 5xx, 429 and answers that are not the protocol's JSON (a captive
 * Wi-Fi page, a truncated body) are retried; 401 asks for enrolment; 409 seq_gap and
 * cursor_reset start a re-push; any other 4xx refuses the whole request.
 */
import type { z } from 'zod';
import {
  enrolResponseSchema,
  portalErrorBodySchema,
  pullResponseSchema,
  pushResponseSchema,
  type EnrolRequest,
  type EnrolResponse,
  type PortalErrorBody,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../../src-shared/sync/protocol.schema.js';

export type PortalOutcome<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'retry'; reason: string; retryAfterMs?: number }
  | { kind: 'unauthorized'; code: string }
  | { kind: 'seq_gap'; expectedSeq: number }
  | { kind: 'cursor_reset'; epoch: string | null }
  | { kind: 'refused'; status: number; error: PortalErrorBody };

export interface PortalHttpOptions {
  baseUrl: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 20_000;

export function createPortalHttp({ baseUrl, fetchImpl = fetch, timeoutMs = DEFAULT_TIMEOUT_MS }: PortalHttpOptions) {
  const root = baseUrl.replace(/\/+$/, '');

  async function request<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T>,
    options: { token?: string; body?: unknown } = {},
  ): Promise<PortalOutcome<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(`${root}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      text = await response.text();
    } catch (error) {
      const name = (error as Error).name;
      return { kind: 'retry', reason: name === 'TimeoutError' ? 'timeout' : 'network' };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { kind: 'retry', reason: response.status >= 500 ? `http_${response.status}` : 'unexpected_answer' };
    }
    if (response.ok) {
      const parsed = schema.safeParse(json);
      return parsed.success ? { kind: 'ok', value: parsed.data } : { kind: 'retry', reason: 'unexpected_answer' };
    }
    if (response.status >= 500) return { kind: 'retry', reason: `http_${response.status}` };
    const error = portalErrorBodySchema.safeParse(json);
    if (!error.success) return { kind: 'retry', reason: 'unexpected_answer' };
    const body = error.data as PortalErrorBody & { expectedSeq?: unknown; epoch?: unknown };
    if (response.status === 429) {
      const seconds = Number(response.headers.get('retry-after'));
      return { kind: 'retry', reason: 'rate_limited', retryAfterMs: Number.isFinite(seconds) ? seconds * 1000 : undefined };
    }
    if (response.status === 401) return { kind: 'unauthorized', code: body.code };
    const raw = json as { expectedSeq?: unknown; epoch?: unknown };
    if (response.status === 409 && body.code === 'seq_gap' && typeof raw.expectedSeq === 'number') {
      return { kind: 'seq_gap', expectedSeq: raw.expectedSeq };
    }
    if (response.status === 409 && body.code === 'cursor_reset') {
      return { kind: 'cursor_reset', epoch: typeof raw.epoch === 'string' ? raw.epoch : null };
    }
    return { kind: 'refused', status: response.status, error: body };
  }

  return {
    enrol: (body: EnrolRequest) => request<EnrolResponse>('POST', '/v1/enrol', enrolResponseSchema, { body }),
    push: (token: string, body: PushRequest) => request<PushResponse>('POST', '/v1/push', pushResponseSchema, { token, body }),
    resume: (token: string, fromSeq: number) =>
      request('POST', '/v1/push/resume', pushResponseSchema.pick({ lastSeq: true }), { token, body: { fromSeq } }),
    pull: (token: string, cursor: string | null, limit: number) => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (cursor) query.set('cursor', cursor);
      return request<PullResponse>('GET', `/v1/pull?${query.toString()}`, pullResponseSchema, { token });
    },
  };
}

export type PortalHttp = ReturnType<typeof createPortalHttp>;
