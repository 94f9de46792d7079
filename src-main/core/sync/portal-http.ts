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
} from '#shared/sync/protocol.schema.js';

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

  /** Bytes of an attachment the portal holds (0 when it has none), or why it could not say. */
  async function attachmentOffset(token: string, sha256: string): Promise<PortalOutcome<{ offset: number; length: number | null }>> {
    try {
      const response = await fetchImpl(`${root}/v1/attachments/${sha256}`, {
        method: 'HEAD',
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      if (response.status === 404) return { kind: 'ok', value: { offset: 0, length: null } };
      if (response.status === 401) return { kind: 'unauthorized', code: 'unauthorized' };
      if (!response.ok) return { kind: 'retry', reason: `http_${response.status}` };
      const offset = Number(response.headers.get('upload-offset'));
      const length = Number(response.headers.get('upload-length'));
      if (!Number.isInteger(offset) || offset < 0) return { kind: 'retry', reason: 'unexpected_answer' };
      return { kind: 'ok', value: { offset, length: Number.isInteger(length) ? length : null } };
    } catch (error) {
      return { kind: 'retry', reason: (error as Error).name === 'TimeoutError' ? 'timeout' : 'network' };
    }
  }

  /** Appends one chunk at `offset`; the portal checks the SHA-256 when the last byte arrives. */
  async function appendAttachment(
    token: string,
    sha256: string,
    offset: number,
    length: number,
    chunk: Uint8Array,
  ): Promise<PortalOutcome<{ received: number; complete: boolean }> | { kind: 'offset_mismatch'; offset: number }> {
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(`${root}/v1/attachments/${sha256}`, {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/offset+octet-stream',
          'upload-offset': String(offset),
          'upload-length': String(length),
        },
        body: chunk,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
      text = await response.text();
    } catch (error) {
      return { kind: 'retry', reason: (error as Error).name === 'TimeoutError' ? 'timeout' : 'network' };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { kind: 'retry', reason: response.status >= 500 ? `http_${response.status}` : 'unexpected_answer' };
    }
    const body = json as { received?: unknown; complete?: unknown; offset?: unknown; code?: unknown; message?: unknown };
    if (response.ok && typeof body.received === 'number' && typeof body.complete === 'boolean') {
      return { kind: 'ok', value: { received: body.received, complete: body.complete } };
    }
    if (response.status === 409 && body.code === 'offset_mismatch' && typeof body.offset === 'number') {
      return { kind: 'offset_mismatch', offset: body.offset };
    }
    if (response.status >= 500) return { kind: 'retry', reason: `http_${response.status}` };
    if (response.status === 401) return { kind: 'unauthorized', code: typeof body.code === 'string' ? body.code : 'unauthorized' };
    if (response.status === 429) return { kind: 'retry', reason: 'rate_limited' };
    const error = portalErrorBodySchema.safeParse(json);
    return error.success ? { kind: 'refused', status: response.status, error: error.data } : { kind: 'retry', reason: 'unexpected_answer' };
  }

  return {
    attachmentOffset,
    appendAttachment,
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
