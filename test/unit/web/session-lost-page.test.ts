/**
 * A page asked for without a valid session (the tab reloaded after the web host restarted, or
 * an address from an earlier launch) gets a page in French and English saying the one thing to
 * do, and the host prints its address again; commands and the event stream keep their JSON.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cookieName } from '#web/guards.js';
import { buildWebServer } from '#web/server.js';
import { ok } from '#shared/result.js';

const token = 'launch-token-0123456789abcdefghijklmnopqrstuv';
const fakeCore = { invoke: async () => ok({}), onEvent: () => () => {} };
const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
let rendererDir: string;
let app: FastifyInstance;
let port: number;
let lost: number;

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'atelier-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Atelier</title>');
  app = await buildWebServer({ core: fakeCore, token, rendererDir, onSessionLost: () => lost++ });
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as { port: number }).port;
});
afterAll(async () => {
  await app.close();
  rmSync(rendererDir, { recursive: true, force: true });
});
beforeEach(() => {
  lost = 0;
});

const get = (url: string, accept: string, cookies: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers: { host: `127.0.0.1:${port}`, accept }, cookies });

describe('a page without a valid session', () => {
  it('is a page in French and English saying to open the printed address again, not JSON', async () => {
    const res = await get('/', browser, { [cookieName(port)]: 'the-cookie-of-the-previous-launch' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body).toContain('<html lang="fr">');
    expect(res.body).toContain('<h1>Atelier a redémarré</h1>');
    expect(res.body).toContain('<section lang="en">');
    expect(res.body).toContain(`http://127.0.0.1:${port}/?token=`);
    expect(res.body).not.toContain(token);
    expect(res.body).not.toMatch(/"ok"\s*:\s*false/);
    // No inline style or script: the CSP would block them.
    expect(res.body).not.toMatch(/<script|<style|style=/);
    expect(lost).toBe(1);
  });

  it('is the same page for an address printed by an earlier launch', async () => {
    const res = await get('/?token=an-old-token', browser);
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('<h1>Atelier a redémarré</h1>');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('leaves commands and the event stream their JSON answer', async () => {
    const rpc = await app.inject({ method: 'POST', url: '/rpc/workshops:list', headers: { host: `127.0.0.1:${port}`, accept: browser, 'content-type': 'application/json' }, payload: '{}' });
    expect(rpc.statusCode).toBe(401);
    expect(rpc.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const events = await get('/events', browser);
    expect(events.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const script = await get('/assets/index.js', '*/*');
    expect(script.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(lost).toBe(0);
  });
});
