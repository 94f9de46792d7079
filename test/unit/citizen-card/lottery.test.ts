import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drawExport, drawSeed, runDraw, seededIntegers, type DrawEntry } from '#core/citizen-card/lottery.js';

const entries = (n: number, group?: (i: number) => string[]): DrawEntry[] =>
  Array.from({ length: n }, (_, i) => ({ key: `reg-${String(i).padStart(5, '0')}`, groups: group?.(i) ?? [] }));

const dir = mkdtempSync(join(tmpdir(), 'atelier-lottery-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(file: string) {
  const run = spawnSync(process.execPath, ['scripts/recompute-draw.mjs', file, '--json'], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout ? (JSON.parse(run.stdout) as { seed: string; seedMatches: boolean; drawn: unknown[]; waiting: unknown[] }) : null };
}

describe('the lottery', () => {
  it('gives the same draw for the same list and date, whatever the order the list arrives in', () => {
    const list = entries(25);
    const a = runDraw({ entries: list, places: 10, reserved: [], drawDate: '2026-12-02' });
    const b = runDraw({ entries: [...list].reverse(), places: 10, reserved: [], drawDate: '2026-12-02' });
    expect(b).toEqual(a);
    expect(a.drawn).toHaveLength(10);
    expect(a.waiting).toHaveLength(15);
    expect(new Set([...a.drawn, ...a.waiting].map((d) => d.key)).size).toBe(25);
    // Another date is another seed, another draw.
    const c = runDraw({ entries: list, places: 10, reserved: [], drawDate: '2026-12-03' });
    expect(c.seed).not.toBe(a.seed);
    expect(c.ranking).not.toEqual(a.ranking);
  });

  it('is recomputed identically by the stand-alone script from the exported list', () => {
    for (const [n, places, reservedPlaces] of [
      [25, 10, 3],
      [5000, 50, 10],
      [7, 10, 0],
      [1, 1, 0],
    ] as const) {
      const list = entries(n, (i) => (i % 4 === 0 ? ['first_timer'] : i % 7 === 0 ? ['qpv', 'first_timer'] : []));
      const input = { entries: list, places, reserved: reservedPlaces ? [{ group: 'qpv', places: reservedPlaces }, { group: 'first_timer', places: 2 }] : [], drawDate: '2026-12-02' };
      const app = runDraw(input);
      const file = join(dir, `draw-${n}.json`);
      writeFileSync(file, JSON.stringify(drawExport(input, app.seed)));
      const { status, out } = script(file);
      expect(status).toBe(0);
      expect(out!.seedMatches).toBe(true);
      expect(out!.seed).toBe(app.seed);
      expect(out!.drawn).toEqual(app.drawn);
      expect(out!.waiting).toEqual(app.waiting);
    }
  });

  it('the script says when the announced seed does not match the list (a key added after the announcement)', () => {
    const list = entries(12);
    const input = { entries: list, places: 5, reserved: [], drawDate: '2026-12-02' };
    const seed = drawSeed(list, '2026-12-02', 5);
    const file = join(dir, 'tampered.json');
    writeFileSync(file, JSON.stringify({ ...drawExport(input, seed), entries: [...drawExport(input, seed).entries, { key: 'reg-late', groups: [] }] }));
    const { status, out } = script(file);
    expect(status).toBe(1);
    expect(out!.seedMatches).toBe(false);
  });

  it('over 10,000 seeds, every registration has a chance of a place within tolerance of places / registrations', () => {
    const n = 20;
    const places = 5;
    const list = entries(n);
    const wins = new Array<number>(n).fill(0);
    const firstRank = new Array<number>(n).fill(0);
    const SEEDS = 10_000;
    for (let s = 0; s < SEEDS; s += 1) {
      const r = runDraw({ entries: list, places, reserved: [], drawDate: '2026-12-02', seed: `seed-${s}` });
      for (const d of r.drawn) wins[Number(d.key.slice(4))]! += 1;
      firstRank[Number(r.ranking[0]!.slice(4))]! += 1;
    }
    const p = places / n;
    // Binomial standard deviation of a share over 10,000 draws; 4.5 of them: a fair draw fails
    // this about once in 150,000 runs of the test, a draw biased by 2 points fails it surely.
    const tolerance = 4.5 * Math.sqrt((p * (1 - p)) / SEEDS);
    for (const w of wins) expect(Math.abs(w / SEEDS - p)).toBeLessThan(tolerance);
    const p1 = 1 / n;
    for (const f of firstRank) expect(Math.abs(f / SEEDS - p1)).toBeLessThan(4.5 * Math.sqrt((p1 * (1 - p1)) / SEEDS));
    // The test can fail: a draw that always favours the list's first keys is caught.
    const biased = wins.map((_, i) => (i < places ? SEEDS : 0));
    expect(biased.some((w) => Math.abs(w / SEEDS - p) >= tolerance)).toBe(true);
  });

  it('draws numbers below n without modulo bias', () => {
    const below = seededIntegers('bias');
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i += 1) counts[below(3)]! += 1;
    for (const c of counts) expect(Math.abs(c / 30_000 - 1 / 3)).toBeLessThan(0.015);
  });

  it('honours the reserved places of priority groups before the rest, and leaves unused reserved places to everyone', () => {
    const list = entries(50, (i) => (i < 6 ? ['qpv'] : i < 9 ? ['first_timer'] : []));
    for (let s = 0; s < 200; s += 1) {
      const r = runDraw({ entries: list, places: 10, reserved: [{ group: 'qpv', places: 4 }, { group: 'first_timer', places: 5 }], drawDate: '2026-12-02', seed: `r-${s}` });
      expect(r.drawn).toHaveLength(10);
      const qpv = r.drawn.filter((d) => d.group === 'qpv');
      expect(qpv).toHaveLength(4);
      // Only 3 first-timers exist: all three get a reserved place, the other 2 places go to everyone.
      expect(r.drawn.filter((d) => d.group === 'first_timer')).toHaveLength(3);
      expect(r.drawn.filter((d) => d.group === null)).toHaveLength(3);
      // The reserved places went to the best-ranked of the group.
      const qpvRanks = r.ranking.filter((k) => Number(k.slice(4)) < 6).slice(0, 4);
      expect(qpv.map((d) => d.key).sort()).toEqual([...qpvRanks].sort());
    }
  });

  it('gives everyone a place when there are fewer registrations than places, and refuses bad inputs', () => {
    const r = runDraw({ entries: entries(7), places: 10, reserved: [], drawDate: '2026-12-02' });
    expect(r.drawn).toHaveLength(7);
    expect(r.waiting).toHaveLength(0);
    expect(() => runDraw({ entries: [{ key: 'a', groups: [] }, { key: 'a', groups: [] }], places: 1, reserved: [], drawDate: '2026-12-02' })).toThrow(/twice/);
    expect(() => runDraw({ entries: entries(3), places: 2, reserved: [{ group: 'qpv', places: 3 }], drawDate: '2026-12-02' })).toThrow(/reserved/);
    expect(() => drawSeed(entries(3), '02/12/2026', 2)).toThrow(/YYYY-MM-DD/);
  });
});
