import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKOFF, backoffDelay } from '#core/sync/backoff.js';
import { createFileSecretStore, createMemorySecretStore } from '#core/sync/secret-store.js';

describe('retry delays', () => {
  it('grow exponentially from 2 s and never pass 5 minutes', () => {
    const ceiling = (attempt: number) => backoffDelay(attempt, () => 0.999999);
    expect(ceiling(0)).toBeLessThan(2_000);
    expect(ceiling(0)).toBeGreaterThan(1_900);
    expect(ceiling(3)).toBeGreaterThan(15_000);
    expect(ceiling(30)).toBeLessThanOrEqual(BACKOFF.maxMs);
  });

  it('are spread by jitter so laptops coming back together do not knock in step', () => {
    const delays = new Set([0.1, 0.3, 0.5, 0.7, 0.9].map((r) => backoffDelay(6, () => r)));
    expect(delays.size).toBe(5);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(BACKOFF.baseMs / 4);
  });
});

describe('where the web host keeps the portal token', () => {
  it('is a file only its owner can read, replaced whole and removable', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'atelier-secret-')), 'sync-token');
    const store = createFileSecretStore(file);
    expect(await store.read()).toBeNull();
    await store.write('first-token');
    await store.write('second-token');
    expect(await store.read()).toBe('second-token');
    expect(readFileSync(file, 'utf8')).toBe('second-token');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    await store.clear();
    expect(await store.read()).toBeNull();
  });

  it('the worker tells the host of a new token but not of one the host handed it', async () => {
    const told: (string | null)[] = [];
    const store = createMemorySecretStore(null, (value) => told.push(value));
    store.replace('from-host');
    expect(await store.read()).toBe('from-host');
    await store.write('from-enrolment');
    await store.clear();
    expect(told).toEqual(['from-enrolment', null]);
  });
});
