import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cookieName } from '../../../src-main/web/guards.js';
import { buildWebServer } from '../../../src-main/web/server.js';
import { ok, type Result } from '../../../src-shared/result.js';

const token = 'launch-token-0123456789abcdefghijklmnopqrstuv';
let rendererDir: string;
let app: FastifyInstance;
let port: number;
let calls: { name: string; input: unknown }[];

const listeners = new Set<(name: string, payload: unknown) => void>();
/** A tiny core that records what it is asked, answers with a fixed Result, and can emit events. */
const fakeCore = {
  async invoke(name: string, input: unknown): Promise<Result<unknown>> {
    calls.push({ name, input });
    return ok({ items: [], total: 0 });
  },
  onEvent(listener: (name: string, payload: unknown) => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'atelier-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Atelier</title><main><h1>Ateliers</h1></main>');
  app = await buildWebServer({ core: fakeCore, token, rendererDir });
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as { port: number }).port;
});
afterAll(async () => {
  await app.close();
  rmSync(rendererDir, { recursive: true, force: true });
});
beforeEach(() => {
  calls = [];
});

const host = () => `127.0.0.1:${port}`;
const session = () => ({ [cookieName(port)]: token });
const rpc = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: `/rpc/${name}`, headers: { host: host(), 'content-type': 'application/json', ...headers }, cookies: session(), payload: JSON.stringify(body) });

describe('opening the printed address', () => {
  it('exchanges the launch token for an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const res = await app.inject({ method: 'GET', url: `/workshops?token=${token}`, headers: { host: host() } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/workshops');
    const cookie = res.cookies.find((c) => c.name === cookieName(port));
    expect(cookie).toMatchObject({ value: token, httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('a wrong token gets no cookie', async () => {
    const res = await app.inject({ method: 'GET', url: '/?token=guessed', headers: { host: host() } });
    expect(res.statusCode).toBe(401);
    expect(res.cookies).toHaveLength(0);
  });

  it('with the cookie, the app is served with its security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/', headers: { host: host() }, cookies: session() });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Ateliers</h1>');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('what the web host refuses', () => {
  it('a request without the cookie is refused with 401', async () => {
    const res = await app.inject({ method: 'GET', url: '/', headers: { host: host() } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await app.inject({ method: 'POST', url: '/rpc/workshops:list', headers: { host: host(), 'content-type': 'application/json' }, payload: '{}' })).statusCode).toBe(401);
    expect(calls).toEqual([]);
  });

  it('the cookie of another web host on another port does not open this one', async () => {
    const res = await app.inject({ method: 'GET', url: '/', headers: { host: host() }, cookies: { [cookieName(port + 1)]: token } });
    expect(res.statusCode).toBe(401);
  });

  it('a foreign Host header (DNS rebinding) is refused with 421, even with the cookie', async () => {
    const res = await app.inject({ method: 'GET', url: '/', headers: { host: `rebind.attacker.example:${port}` }, cookies: session() });
    expect(res.statusCode).toBe(421);
    expect(res.body).not.toContain('<h1>');
  });

  it('a cross-site request is refused with 403 and never reaches the core', async () => {
    const res = await rpc('workshops:create', { title: 'x' }, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(calls).toEqual([]);
  });

  it('a command not sent as JSON is refused with 415 (no simple cross-site form post)', async () => {
    const res = await app.inject({ method: 'POST', url: '/rpc/workshops:list', headers: { host: host(), 'content-type': 'text/plain' }, cookies: session(), payload: '{}' });
    expect(res.statusCode).toBe(415);
    expect(calls).toEqual([]);
  });
});

describe('commands over HTTP', () => {
  it('relays the command name and body to the core and answers its Result', async () => {
    const res = await rpc('workshops:list', { kind: 'lab_monthly', limit: 10 }, { origin: `http://${host()}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, value: { items: [], total: 0 } });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(calls).toEqual([{ name: 'workshops:list', input: { kind: 'lab_monthly', limit: 10 } }]);
  });
});

describe('core events reach the page', () => {
  it('a change in the core is pushed on the event stream, and the stream stops listening when the page goes', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/events', headers: { host: host(), cookie: `${cookieName(port)}=${token}` } },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toBe('text/event-stream');
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes(': connected')) for (const l of listeners) l('workshops:changed', { id: 'w-42' });
            if (text.includes('data: ')) {
              req.destroy();
              resolve(text);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('event: workshops:changed\ndata: {"id":"w-42"}\n\n');
    await vi.waitFor(() => expect(listeners.size).toBe(0), { timeout: 2000 });
  });

  it('the event stream needs the cookie too', async () => {
    const res = await app.inject({ method: 'GET', url: '/events', headers: { host: host() } });
    expect(res.statusCode).toBe(401);
    expect(listeners.size).toBe(0);
  });
});
