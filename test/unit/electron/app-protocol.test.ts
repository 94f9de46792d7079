import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from '#electron/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '#shared/security-policy.js';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'atelier-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Atelier</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  // A file beside the renderer folder that traversal would try to reach.
  writeFileSync(join(base, 'secret.txt'), 'top secret');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps app://atelier paths inside the renderer folder', () => {
    expect(resolveAppPath('app://atelier/assets/app.js', root)).toEqual({ ok: true, path: join(root, 'assets', 'app.js') });
    expect(resolveAppPath('app://atelier/', root)).toEqual({ ok: true, path: join(root, 'index.html') });
    // A client-side route (no extension) gets the app shell.
    expect(resolveAppPath('app://atelier/workshops/42', root)).toEqual({ ok: true, path: join(root, 'index.html') });
  });

  it.each([
    'app://atelier/..%2fsecret.txt',
    'app://atelier/assets/..%2F..%2Fsecret.txt',
    'app://atelier/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://atelier/..%5csecret.txt',
    'app://atelier/assets%2f..%2f..%2fsecret.txt',
    'app://atelier/index.html%00.js',
  ])('refuses traversal %s', (url) => {
    const resolved = resolveAppPath(url, root);
    expect(resolved.ok).toBe(false);
  });

  it.each(['app://atelier/../../secret.txt', 'app://atelier/%2e%2e/secret.txt', 'app://atelier/assets/%2E%2E/%2e%2e/secret.txt'])(
    'keeps dot segments the URL parser folds inside the root: %s',
    (url) => {
      const resolved = resolveAppPath(url, root);
      expect(resolved.ok && resolved.path).toBe(join(root, 'secret.txt'));
      expect(resolved.ok && resolved.path.startsWith(root + sep)).toBe(true);
    },
  );

  it.each(['app://evil/index.html', 'app://atelier.evil/index.html', 'app://atelier:1234/index.html', 'app://u@atelier/index.html', 'https://atelier/index.html', 'file:///etc/passwd'])(
    'refuses another host or scheme: %s',
    (url) => {
      expect(resolveAppPath(url, root)).toMatchObject({ ok: false, status: 403 });
    },
  );
});

describe('createAppProtocolHandler', () => {
  const handler = () => createAppProtocolHandler({ rootDir: root });

  it('serves index.html with the CSP and security headers, not cached', async () => {
    const response = await handler()(new Request('app://atelier/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Atelier</title>');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves scripts as JavaScript with the CSP', async () => {
    const response = await handler()(new Request('app://atelier/assets/app.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never returns a file outside the renderer folder', async () => {
    const response = await handler()(new Request('app://atelier/..%2fsecret.txt'));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('top secret');
  });

  it('refuses an unknown host, a missing file and a non-GET method, still with the CSP', async () => {
    const h = handler();
    const foreign = await h(new Request('app://evil/index.html'));
    const missing = await h(new Request('app://atelier/assets/missing.js'));
    const post = await h(new Request('app://atelier/index.html', { method: 'POST', body: 'x' }));
    expect([foreign.status, missing.status, post.status]).toEqual([403, 404, 405]);
    for (const r of [foreign, missing, post]) expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
