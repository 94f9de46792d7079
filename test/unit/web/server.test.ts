import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cookieName } from '#web/guards.js';
import { isTypedError, rawRequest, startTestWebHost, type TestWebHost } from './web-test-kit.js';

let web: TestWebHost;
let session: string;
const spent: string[] = [];

beforeAll(async () => {
  web = await startTestWebHost({ onLaunchTokenSpent: (next) => spent.push(next) });
  session = await web.openSession();
});
afterAll(() => web.close());
beforeEach(() => {
  web.calls.length = 0;
});

const host = () => web.host;
const rpc = (name: string, body: unknown, headers: Record<string, string> = {}) =>
  web.app.inject({ method: 'POST', url: `/rpc/${name}`, headers: { host: host(), 'content-type': 'application/json', ...headers }, cookies: { [cookieName(web.port)]: session }, payload: JSON.stringify(body) });

describe('opening the printed address', () => {
  it('spends the launch token for a separate session value in an HttpOnly, SameSite=Strict cookie, and drops it from the address', async () => {
    const token = web.launchToken();
    const res = await web.app.inject({ method: 'GET', url: `/workshops?token=${token}`, headers: { host: host() } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/workshops');
    const cookie = res.cookies.find((c) => c.name === cookieName(web.port))!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // Cookies reach every port of 127.0.0.1: what they carry is not the printed token.
    expect(cookie.value).not.toBe(token);
    expect(cookie.value).toMatch(/^[\w-]{43}$/);
    expect(res.headers['cache-control']).toBe('no-store');
    // A new address to print, for another browser.
    expect(spent.at(-1)).toBe(web.launchToken());
    expect(web.launchToken()).not.toBe(token);

    // The spent token, read later from the history or the browser's command line, opens nothing.
    const again = await web.app.inject({ method: 'GET', url: `/?token=${token}`, headers: { host: host() } });
    expect(again.statusCode).toBe(401);
    expect(again.cookies).toHaveLength(0);
    expect(isTypedError(again.body, 'forbidden')).toBe(true);
    // Nor does the token used as a cookie.
    expect((await web.app.inject({ method: 'GET', url: '/', headers: { host: host() }, cookies: { [cookieName(web.port)]: token } })).statusCode).toBe(401);
    // The session opens the app.
    expect((await web.app.inject({ method: 'GET', url: '/', headers: { host: host() }, cookies: { [cookieName(web.port)]: cookie.value } })).statusCode).toBe(200);
  });

  it('a reload of the used address in the browser that used it keeps its session and drops the token again', async () => {
    const res = await web.app.inject({ method: 'GET', url: '/?token=spent-long-ago', headers: { host: host() }, cookies: { [cookieName(web.port)]: session } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(res.cookies).toHaveLength(0);
  });

  it('never redirects to another site', async () => {
    for (const [path, location] of [
      ['//evil.example/x?token=t', '/evil.example/x'],
      ['/\\evil.example?token=t', '/evil.example'],
      ['/%2F%2Fevil.example?token=t', '/%2F%2Fevil.example'],
    ]) {
      const res = await rawRequest(web.port, { method: 'GET', path: path!, headers: { host: host(), cookie: web.cookieHeader(session) } });
      expect(res.status, path).toBe(303);
      expect(res.headers.location, path).toBe(location);
    }
  });

  it('a wrong token gets no cookie', async () => {
    const res = await web.app.inject({ method: 'GET', url: '/?token=guessed', headers: { host: host() } });
    expect(res.statusCode).toBe(401);
    expect(res.cookies).toHaveLength(0);
  });

  it('with the session, the app is served with its security headers, and its source maps are not', async () => {
    const res = await web.app.inject({ method: 'GET', url: '/', headers: { host: host() }, cookies: { [cookieName(web.port)]: session } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Ateliers</h1>');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // The camera for the app's own origin (the Citizen Card check-in), never the microphone.
    expect(res.headers['permissions-policy']).toContain('camera=(self)');
    expect(res.headers['permissions-policy']).toContain('microphone=()');
    expect((await web.app.inject({ method: 'GET', url: '/app.js', headers: { host: host() }, cookies: { [cookieName(web.port)]: session } })).statusCode).toBe(200);
    for (const url of ['/app.js.map', '/APP.JS.MAP', '/app.js.map?x=1']) {
      const map = await web.app.inject({ method: 'GET', url, headers: { host: host() }, cookies: { [cookieName(web.port)]: session } });
      expect(map.statusCode, url).toBe(404);
      expect(map.body).not.toContain('secret-source');
      expect(isTypedError(map.body, 'not_found')).toBe(true);
    }
  });
});

describe('what the web host refuses', () => {
  it('a request without the cookie is refused with 401', async () => {
    const res = await web.app.inject({ method: 'GET', url: '/', headers: { host: host() } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await web.app.inject({ method: 'POST', url: '/rpc/workshops:list', headers: { host: host(), 'content-type': 'application/json' }, payload: '{}' })).statusCode).toBe(401);
    expect(web.calls).toEqual([]);
  });

  it('the cookie of another web host on another port does not open this one', async () => {
    const res = await web.app.inject({ method: 'GET', url: '/', headers: { host: host() }, cookies: { [cookieName(web.port + 1)]: session } });
    expect(res.statusCode).toBe(401);
  });

  it('a foreign Host header (DNS rebinding) is refused with 421, even with the cookie', async () => {
    const res = await web.app.inject({ method: 'GET', url: '/', headers: { host: `rebind.attacker.example:${web.port}` }, cookies: { [cookieName(web.port)]: session } });
    expect(res.statusCode).toBe(421);
    expect(res.body).not.toContain('<h1>');
  });

  it('a cross-site request is refused with 403 and never reaches the core', async () => {
    const res = await rpc('workshops:create', { title: 'x' }, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(web.calls).toEqual([]);
  });

  it('a command not sent as JSON is refused with 415 (no simple cross-site form post)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await web.app.inject({ method: 'POST', url: '/rpc/workshops:list', headers: { host: host(), 'content-type': type }, cookies: { [cookieName(web.port)]: session }, payload: '{}' });
      expect(res.statusCode, type).toBe(415);
      expect(isTypedError(res.body, 'validation')).toBe(true);
    }
    expect(web.calls).toEqual([]);
  });
});

describe('commands over HTTP', () => {
  it('relays the command name and body to the core and answers its Result', async () => {
    const res = await rpc('workshops:list', { kind: 'lab_monthly', limit: 10 }, { origin: `http://${host()}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, value: { items: [], total: 0 } });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(web.calls).toEqual([{ name: 'workshops:list', input: { kind: 'lab_monthly', limit: 10 } }]);
  });
});

describe('core events reach the page', () => {
  it('a change in the core is pushed on the event stream, and the stream stops listening when the page goes', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: web.port, path: '/events', headers: { host: host(), cookie: web.cookieHeader(session) } }, (res) => {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('text/event-stream');
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes(': connected')) for (const l of web.listeners) l('workshops:changed', { id: 'w-42' });
          if (text.includes('data: ')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('event: workshops:changed\ndata: {"id":"w-42"}\n\n');
    await vi.waitFor(() => expect(web.listeners.size).toBe(0), { timeout: 2000 });
  });

  it('the event stream needs the cookie too', async () => {
    const res = await web.app.inject({ method: 'GET', url: '/events', headers: { host: host() } });
    expect(res.statusCode).toBe(401);
    expect(web.listeners.size).toBe(0);
  });
});
