/**
 * Every core command, fuzzed over the web host as people run it: the built host process, its
 * core worker, a real SQLite folder. Inputs come from the contract's zod schemas (valid,
 * boundary, mutated, garbage; ATELIER_FUZZ_RUNS per command, 300 by default), seeded and the
 * seed printed (ATELIER_FUZZ_SEED replays a run); then the raw requests a hostile client sends.
 * Every answer must be a success or the typed error shape, none a 5xx; the host must be alive
 * at the end and the database must pass `pragma integrity_check`.
 * `npm run fuzz -- --runs 5000` runs the same fuzz larger.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, MAX_ATTACHMENT_REQUEST_BYTES, MAX_REQUEST_BYTES } from '#shared/contract.js';
import { WEB_HOST_LIMITS } from '#web/server.js';
import { buildHost, post, startHostProcess, type BuiltHost, type HostProcess } from './built-host.js';
import { openDataFolder } from '#test/support/vault.js';
import { fuzzCommands, judge } from './fuzz-run.js';
import { rawCases, seedStore, slowBody } from './raw-cases.js';

const RUNS = Number(process.env.ATELIER_FUZZ_RUNS ?? 300);
const SEED = Number(process.env.ATELIER_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

let built: BuiltHost;
let web: HostProcess;

beforeAll(async () => {
  built = await buildHost();
  web = await startHostProcess(built);
}, 120_000);
afterAll(async () => {
  if (web?.alive()) await web.stop();
  if (web) rmSync(web.dataDir, { recursive: true, force: true });
  built?.remove();
});

describe('the web host under fuzzed and hostile input', () => {
  it(`answers ${RUNS} generated inputs per command with a success or the typed error shape, never a 5xx`, async () => {
    console.log(`web host fuzz: seed ${SEED}, ${RUNS} inputs per command (replay: ATELIER_FUZZ_SEED=${SEED} ATELIER_FUZZ_RUNS=${RUNS})`);
    // Slow clients run alongside: each must be cut by the host's own limits, not hold on.
    const slow = Promise.all([slowBody(web, true), slowBody(web, false)] as const);
    const knownIds = await seedStore(web);
    const slowest: string[] = [];
    const report = await fuzzCommands({
      port: web.port,
      cookie: web.cookie,
      seed: SEED,
      runs: RUNS,
      knownIds,
      onCommand: (name, tally) => slowest.push(`${name} ${tally.ms} ms (${tally.ok} ok)`),
    });
    console.log(
      `web host fuzz: ${report.requests} requests in ${Math.round(report.ms / 1000)} s; by kind ${JSON.stringify(report.byKind)}; successes ${JSON.stringify(report.successes)}; ${report.refusedWhileSending} over-limit bodies cut while sending; ${report.violations.length} violations`,
    );
    if (process.env.ATELIER_FUZZ_VERBOSE) console.log(slowest.join('\n'));
    expect(report.requests).toBe(RUNS * Object.keys(contract).length);
    // The fuzz must reach the store, not only bounce off the validation.
    expect(report.successes.valid).toBeGreaterThan(report.byKind.valid / 10);
    expect(report.violations, `seed ${SEED}: ${JSON.stringify(report.violations.slice(0, 5), null, 1)}`).toEqual([]);

    const [withSession, withoutSession] = await slow;
    expect(withSession.status).toBe(408);
    expect(withSession.afterMs).toBeLessThan(WEB_HOST_LIMITS.requestTimeoutMs + 5_000);
    expect(judge({ status: 200, contentType: 'application/json', body: withSession.body })).toBeNull();
    expect(withoutSession.status).toBe(401);
    expect(withoutSession.afterMs).toBeLessThan(2_000);
  }, 600_000);

  it.each(rawCases())('$label', async ({ send, status, code }) => {
    const answer = await send(web);
    expect(answer.status, answer.body.slice(0, 300)).toBe(status);
    expect(judge(answer)).toBeNull();
    expect(JSON.parse(answer.body)).toMatchObject(code === null ? { ok: true } : { ok: false, error: { code } });
  });

  it('the limits the raw cases test are the documented ones', () => {
    expect(MAX_REQUEST_BYTES).toBe(1_000_000);
    expect(MAX_ATTACHMENT_REQUEST_BYTES).toBe(11_300_000);
  });

  it('is alive at the end, stops cleanly, and leaves a sound database', async () => {
    const info = await post(false, web.port, '/rpc/app:info', { cookie: web.cookie, 'content-type': 'application/json' }, '{}');
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ ok: true });
    expect(web.alive()).toBe(true);
    expect(await web.stop()).toBe(0);
    const db = await openDataFolder(web.dataDir);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      db.close();
    }
  });
});
