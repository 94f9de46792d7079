/**
 * What every answer of the portal must be: a success in its route's schema, or the protocol's
 * error body `{ code, message, fields?, ... }` in JSON with a code the portal defines; never a
 * 5xx, never a framework's own body, never a stack trace.
 */
import { z } from 'zod';
import {
  enrolResponseSchema,
  portalErrorBodySchema,
  pullResponseSchema,
  pushResponseSchema,
  pushResumeResponseSchema,
} from '#shared/sync/protocol.schema.js';
import type { PortalErrorCode } from '#portal/errors.js';
import type { RawAnswer } from '../raw-http.js';
import type { Route } from './requests.js';

const CODES: readonly PortalErrorCode[] = [
  'invalid_request',
  'invalid_json',
  'enrolment_code_invalid',
  'unauthorized',
  'device_revoked',
  'forbidden',
  'not_found',
  'seq_gap',
  'resume_refused',
  'cursor_reset',
  'offset_mismatch',
  'hash_mismatch',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
];

const errorBody = portalErrorBodySchema.strict().extend({ code: z.enum(CODES as [PortalErrorCode, ...PortalErrorCode[]]), message: z.string().min(1).max(300) });

const successes: Partial<Record<Route, z.ZodType>> = {
  enrol: enrolResponseSchema.strict(),
  push: pushResponseSchema.strict(),
  resume: pushResumeResponseSchema.strict(),
  pull: pullResponseSchema.strict(),
  'attachment-patch': z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().min(1), received: z.number().int().min(0), complete: z.boolean() }).strict(),
  health: z.object({ status: z.literal('ok'), epoch: z.string().regex(/^[0-9a-f]{16}$/), database: z.enum(['sqlite', 'postgres']) }).strict(),
  openapi: z.object({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }).loose(),
};

/** Why an answer breaks the rules, or null when it keeps them. */
export function checkAnswer(route: Route, method: string, answer: RawAnswer): string | null {
  if (answer.kind === 'failed') return `no answer (${answer.error}${answer.written ? '' : ', while the request was still being written'})`;
  const { status, headers, body } = answer;
  if (status >= 500) return `status ${status}`;
  if (status < 200 || (status >= 300 && status < 400)) return `unexpected status ${status}`;
  const text = body.toString('utf8');
  if (/\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\bstack\b/i.test(text)) return 'a stack trace in the body';
  const isJson = /^application\/json(;|$)/i.test(headers['content-type'] ?? '');
  if (method === 'HEAD') {
    if (body.length > 0) return 'a body in an answer to HEAD';
    if (status >= 400 && !isJson) return `HEAD ${status} not declared as JSON`;
    if (route === 'attachment-head' && status === 200 && !/^\d+$/.test(headers['upload-offset'] ?? '')) return 'HEAD 200 without upload-offset';
    return null;
  }
  if (status >= 400) {
    if (!isJson) return `error ${status} as ${headers['content-type'] ?? 'no content type'}`;
    const parsed = parseJson(text);
    if (parsed === undefined) return `error ${status} body is not JSON`;
    const error = errorBody.safeParse(parsed);
    if (!error.success) return `error ${status} body not the protocol's: ${text.slice(0, 200)}`;
    if (status === 429 && !/^\d+$/.test(headers['retry-after'] ?? '')) return '429 without retry-after';
    return null;
  }
  if (route === 'metrics') return /^text\/plain/.test(headers['content-type'] ?? '') && text.includes('portal_http_requests_total') ? null : 'metrics not Prometheus text';
  const schema = successes[route];
  if (!schema) return `success ${status} on a route that has none: ${text.slice(0, 200)}`;
  if (!isJson) return `success ${status} as ${headers['content-type'] ?? 'no content type'}`;
  const parsed = schema.safeParse(parseJson(text));
  return parsed.success ? null : `success ${status} body not in the route's schema: ${text.slice(0, 300)}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
