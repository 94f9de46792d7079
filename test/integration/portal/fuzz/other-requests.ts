/**
 * Requests of the other routes and of none: attachment uploads (resumed where the portal
 * stopped, so that files complete and get hash-checked), health, metrics, the OpenAPI document,
 * bodies over the limit, and what HTTP itself refuses.
 */
import fc from 'fast-check';
import type { RawRequest } from '../raw-http.js';
import { nest } from './mutations.js';
import { authArb, authHeader, contentType, FUZZ_BODY_LIMIT, type FuzzState, type PlannedRequest, type Route } from './plan.js';

type HashPlan = { kind: 'file'; index: number; upper: boolean } | { kind: 'literal'; value: string };
const hashArb: fc.Arbitrary<HashPlan> = fc.oneof(
  { arbitrary: fc.record({ index: fc.nat(), upper: fc.boolean() }).map((r) => ({ kind: 'file' as const, ...r })), weight: 6 },
  { arbitrary: fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.constantFrom('', 'abc', 'g'.repeat(64), 'a'.repeat(65), '%ZZ', '..%2F..%2Fetc', 'a'.repeat(200))).map((value) => ({ kind: 'literal' as const, value })), weight: 2 },
);

function hashOf(plan: HashPlan, state: FuzzState): { path: string; file?: FuzzState['files'][number] } {
  if (plan.kind === 'literal') return { path: plan.value };
  const file = state.files[plan.index % state.files.length]!;
  return { path: plan.upper ? file.sha256.toUpperCase() : file.sha256, file };
}

type HeaderValue = 'right' | 'zero' | 'past' | 'negative' | 'text' | 'huge' | 'missing' | 'float';
const headerValueArb: fc.Arbitrary<HeaderValue> = fc.oneof(
  { arbitrary: fc.constant('right' as const), weight: 8 },
  { arbitrary: fc.constantFrom<HeaderValue>('zero', 'past', 'negative', 'text', 'huge', 'missing', 'float'), weight: 2 },
);

function headerValue(kind: HeaderValue, right: number): string | undefined {
  return { right: String(right), zero: '0', past: String(right + 1_000), negative: '-1', text: 'douze', huge: '99999999999999999999', missing: undefined, float: `${right}.5` }[kind];
}

export const attachmentArb: fc.Arbitrary<PlannedRequest> = fc
  .record({
    auth: authArb,
    method: fc.oneof({ arbitrary: fc.constant('PATCH'), weight: 5 }, { arbitrary: fc.constant('HEAD'), weight: 3 }, { arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'POST', 'OPTIONS'), weight: 1 }),
    hash: hashArb,
    // Mostly where the portal said it stopped, so that uploads complete and get hash-checked.
    from: fc.oneof({ arbitrary: fc.constant('continue' as const), weight: 3 }, { arbitrary: fc.nat(), weight: 1 }),
    size: fc.oneof(fc.integer({ min: 1, max: 40_000 }), fc.constantFrom(0, 4 * 1024 * 1024 + 1)),
    offset: headerValueArb,
    length: headerValueArb,
    type: fc.oneof({ arbitrary: fc.constant('application/offset+octet-stream'), weight: 6 }, { arbitrary: fc.constantFrom('application/octet-stream', 'application/json', 'text/plain', 'none'), weight: 1 }),
    corrupt: fc.boolean(),
  })
  .map(({ auth, method, hash, from, size, offset, length, type, corrupt }) => ({
    route: method === 'HEAD' ? 'attachment-head' : method === 'PATCH' ? 'attachment-patch' : 'other',
    label: `${method} attachment ${hash.kind} from:${from} offset:${offset} length:${length} size:${size}${corrupt ? ' corrupt' : ''} type:${type}`,
    file: hash.kind === 'file' ? hash.index : undefined,
    build(state) {
      const { path, file } = hashOf(hash, state);
      const headers: Record<string, string> = { ...authHeader(auth, state) };
      if (method !== 'PATCH') return { method, path: `/v1/attachments/${path}`, headers };
      const total = file?.bytes.length ?? 100_000;
      const start = from === 'continue' ? (file?.received ?? 0) : from % Math.max(1, total);
      const chunk = file ? Buffer.from(file.bytes.subarray(start, start + size)) : Buffer.alloc(Math.min(size, 50_000), 7);
      if (corrupt && chunk.length > 0) chunk[0] = chunk[0]! ^ 0xff;
      const offsetValue = headerValue(offset, start);
      const lengthValue = headerValue(length, total);
      if (offsetValue !== undefined) headers['upload-offset'] = offsetValue;
      if (lengthValue !== undefined) headers['upload-length'] = lengthValue;
      return { method, path: `/v1/attachments/${path}`, headers: { ...headers, ...contentType(type) }, body: chunk };
    },
  }));

export const opsArb: fc.Arbitrary<PlannedRequest> = fc
  .record({ path: fc.constantFrom('/health', '/metrics', '/v1/openapi.json'), method: fc.constantFrom('GET', 'GET', 'HEAD', 'POST'), query: fc.option(fc.constantFrom('?x=1', '?__proto__[a]=1', '?%ZZ'), { freq: 4 }) })
  .map(({ path, method, query }) => ({
    route: method === 'POST' ? 'other' : path === '/health' ? 'health' : path === '/metrics' ? 'metrics' : 'openapi',
    label: `${method} ${path}${query ?? ''}`,
    build: (): RawRequest => ({ method, path: `${path}${query ?? ''}`, headers: method === 'POST' ? { 'content-type': 'application/json' } : {}, body: method === 'POST' ? '{}' : undefined }),
  }));

/** Paths and requests no route expects, down to what HTTP itself refuses. */
export const oddArb: fc.Arbitrary<PlannedRequest> = fc
  .oneof(
    fc.constantFrom(
      { method: 'GET', path: '/v1/nothing' },
      { method: 'GET', path: '/v1/push' },
      { method: 'DELETE', path: '/v1/push' },
      { method: 'OPTIONS', path: '/v1/pull' },
      { method: 'PROPFIND', path: '/' },
      { method: 'GET', path: '/v1/attachments/%ZZ' },
      { method: 'GET', path: '/v1/%E0%A4%A' },
      { method: 'GET', path: '//v1//pull' },
      { method: 'GET', path: '/v1/push/../enrol' },
      { method: 'POST', path: '/v1/enrol?x=%ZZ', body: '{}' },
      { method: 'GET', path: `/v1/${'a'.repeat(20_000)}` },
      { method: 'GET', path: '/v1/pull', headers: { 'x-long': 'a'.repeat(20_000) } },
      { method: 'POST', path: '/v1/push', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: '5\r\n{"cha\r\nzz\r\n', contentLength: null },
      { method: 'POST', path: '/v1/push', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, body: '2\r\n{}\r\n0\r\n\r\n' },
      { method: 'POST', path: '/v1/push', headers: { 'content-type': 'application/json' }, body: '{}', contentLength: 'abc' },
      { method: 'POST', path: '/v1/push', headers: { 'content-type': 'application/json', 'content-length': '2' }, body: '{}', contentLength: '2' },
      { method: 'G@T', path: '/health' },
      { method: 'GET', path: '/health', headers: { 'bad header': 'x' } },
      { method: 'GET', path: '/health', headers: { 'x-nul': 'a\u0001b' } },
      { method: 'GET', path: '/health', headers: { host: '' } },
      { method: 'POST', path: '/v1/enrol', headers: { 'content-type': 'application/json' }, body: JSON.stringify(nest(100)) },
      { method: 'POST', path: '/v1/enrol', headers: { 'content-type': 'application/json' }, body: '{"__proto__":{"admin":true},"code":"AAAA-AAAA-AAAA"}' },
      { method: 'POST', path: '/v1/enrol', headers: { 'content-type': 'application/json' }, body: '{"constructor":{"prototype":{"x":1}}}' },
    ),
    fc.webPath().map((path) => ({ method: 'GET', path: path.startsWith('/') ? path : `/${path}` })),
  )
  .map((request) => ({
    route: routeOf(request.method, request.path),
    label: `odd ${request.method} ${request.path.slice(0, 40)}`,
    build: () => ({ headers: {}, ...request }) as RawRequest,
  }));

/** The route a request reaches, for the answer it may get. */
function routeOf(method: string, path: string): Route {
  const bare = path.split('?')[0];
  if (method === 'GET' && bare === '/health') return 'health';
  if (method === 'GET' && bare === '/metrics') return 'metrics';
  if (method === 'GET' && bare === '/v1/openapi.json') return 'openapi';
  if (method === 'GET' && bare === '/v1/pull') return 'pull';
  if (method === 'POST' && bare === '/v1/push') return 'push';
  if (method === 'POST' && bare === '/v1/enrol') return 'enrol';
  return 'other';
}

/** Bigger than the portal takes, to see the 413 arrive whole. */
export const oversizeArb: fc.Arbitrary<PlannedRequest> = fc.record({ auth: authArb, extra: fc.integer({ min: 1, max: 300_000 }) }).map(({ auth, extra }) => ({
  route: 'push',
  label: `push over the body limit by ${extra}`,
  build(state) {
    return { method: 'POST', path: '/v1/push', headers: { ...authHeader(auth, state), 'content-type': 'application/json' }, body: `{"changes":[{"fields":{"minutes":"${'m'.repeat(FUZZ_BODY_LIMIT + extra)}"}}]}` };
  },
}));
