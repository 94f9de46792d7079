/**
 * The requests a client written from the docs alone sent, over real sockets: each one gets
 * the typed error shape and a 4xx, never Fastify's own body, never a 5xx, and never reaches
 * the core.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '#shared/contract.js';
import { isTypedError, rawRequest, startTestWebHost, type TestWebHost } from './web-test-kit.js';

let web: TestWebHost;
let cookie: string;

beforeAll(async () => {
  web = await startTestWebHost();
  cookie = web.cookieHeader(await web.openSession());
});
afterAll(() => web.close());
beforeEach(() => {
  web.calls.length = 0;
});

const post = (path: string, body: string | Buffer, contentType = 'application/json') =>
  rawRequest(web.port, { path, headers: { host: web.host, cookie, 'content-type': contentType }, body });

function deeplyNested(levels: number, open = '[', close = ']'): string {
  return `{"title":${open.repeat(levels)}${close.repeat(levels)}}`;
}

describe('bad requests get the typed error shape', () => {
  const cases: [string, () => ReturnType<typeof post>, number, string][] = [
    ['bad JSON', () => post('/rpc/workshops:list', '{"limit": 1,'), 400, 'validation'],
    ['a __proto__ key', () => post('/rpc/workshops:list', '{"__proto__": {"isAdmin": true}}'), 400, 'validation'],
    ['a constructor.prototype key', () => post('/rpc/workshops:list', '{"constructor": {"prototype": {"x": 1}}}'), 400, 'validation'],
    ['an empty body', () => post('/rpc/workshops:list', ''), 400, 'validation'],
    ['a UTF-16 body', () => post('/rpc/workshops:list', Buffer.from('\ufeff{"limit":1}', 'utf16le'), 'application/json; charset=utf-16'), 415, 'validation'],
    ['a UTF-16 body sent as UTF-8', () => post('/rpc/workshops:list', Buffer.from('{"limit":1}', 'utf16le')), 400, 'validation'],
    ['a body over the limit', () => post('/rpc/workshops:list', JSON.stringify({ title: 'x'.repeat(MAX_REQUEST_BYTES) })), 413, 'validation'],
    ['a body over the limit sent in chunks without a length', () => chunked('/rpc/workshops:list', MAX_REQUEST_BYTES + 10), 413, 'validation'],
    ['input nested 3,500 levels deep', () => post('/rpc/workshops:create', deeplyNested(3_500)), 400, 'validation'],
    ['objects nested 3,500 levels deep', () => post('/rpc/workshops:create', deeplyNested(3_500, '{"a":', '}')), 400, 'validation'],
    ['a photo nested 3,500 levels deep', () => post('/rpc/attachments:add', deeplyNested(3_500)), 400, 'validation'],
    ['a command name of 73 characters', () => post(`/rpc/${'a'.repeat(73)}`, '{}'), 404, 'unknown_command'],
    ['a command name of 500 characters', () => post(`/rpc/workshops:${'x'.repeat(490)}`, '{}'), 404, 'unknown_command'],
    ['a malformed escape in the name', () => post('/rpc/%E0%A4%A', '{}'), 400, 'validation'],
    ['a path under a command', () => post('/rpc/workshops:list/extra', '{}'), 404, 'unknown_command'],
    ['a GET of a command', () => rawRequest(web.port, { method: 'GET', path: '/rpc/workshops:list', headers: { host: web.host, cookie } }), 404, 'unknown_command'],
    ['a missing file', () => rawRequest(web.port, { method: 'GET', path: '/nothing-here.js', headers: { host: web.host, cookie } }), 404, 'not_found'],
    ['a content type with no parser', () => post('/rpc/workshops:list', '<x/>', 'application/xml'), 415, 'validation'],
    ['a JSON-looking content type', () => post('/rpc/workshops:list', '{}', 'application/json-seq'), 415, 'validation'],
  ];

  it.each(cases)('%s', async (_label, send, status, code) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body, res.body).toSatisfy((b: string) => isTypedError(b, code));
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(web.calls).toEqual([]);
  });

  it('an unknown command with a short name reaches the core, whose dispatcher answers unknown_command', async () => {
    const res = await post('/rpc/nope:nope', '{}');
    expect(res.status).toBe(200);
    expect(web.calls).toEqual([{ name: 'nope:nope', input: {} }]);
  });

  it('the host still answers after all of them', async () => {
    const res = await post('/rpc/workshops:list', '{}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { items: [], total: 0 } });
  });
});

/** A body with no Content-Length (chunked), so the limit is found while reading. */
async function chunked(path: string, bytes: number) {
  const { request } = await import('node:http');
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: web.port, method: 'POST', path, headers: { host: web.host, cookie, 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    req.write('{"title":"');
    for (let sent = 0; sent < bytes; sent += chunk.length) req.write(chunk);
    req.end('"}');
  });
}
