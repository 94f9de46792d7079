/**
 * The sync client killed (SIGKILL) at random moments while it pushes and while it pulls, then
 * started again on the same data folder: nothing is lost or duplicated, and the laptops end
 * with exactly the portal's records. The seed is printed so that a failure can be replayed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom as seeded } from '#bench/generate.js';
import { startControlledPortal, type ControlledPortal } from './controlled-portal.js';

const child = join(import.meta.dirname, 'crash-child.ts');
let portal: ControlledPortal | null = null;
afterEach(async () => {
  await portal?.close();
  portal = null;
});


function run(args: string[], killAfterMs: number | null): Promise<{ killed: boolean; stdout: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    proc.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // Count the delay from when the core is up, so the kill lands during the work.
      if (killAfterMs !== null && !timer && stdout.includes('ready')) timer = setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ killed: true, stdout });
      else if (code === 0 || killAfterMs !== null) resolve({ killed: false, stdout });
      else reject(new Error(`child exited ${code}: ${stderr}`));
    });
  });
}

describe('crash during sync (SIGKILL at random points)', () => {
  // Some twenty processes start and die here: give it minutes, not vitest's default 30 s.
  it('a laptop killed while pushing and another killed while pulling end with exactly the portal records', { timeout: 240_000 }, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
    console.log(`crash test seed: ${seed} (replay with CRASH_SEED=${seed})`);
    const random = seeded(seed);
    portal = await startControlledPortal();
    const pusher = mkdtempSync(join(tmpdir(), 'atelier-crash-push-'));
    const puller = mkdtempSync(join(tmpdir(), 'atelier-crash-pull-'));
    const common = (dir: string) => ['--data-dir', dir, '--portal', portal!.url];

    await run([...common(pusher), '--code', await portal.newCode(), '--create', '0', '--mode', 'settle'], null);
    await run([...common(puller), '--code', await portal.newCode(), '--create', '0', '--mode', 'settle'], null);

    let kills = 0;
    for (let cycle = 0; cycle < 5; cycle++) {
      // New work, then a sync killed somewhere in the middle (creation, push or pull).
      const pushed = await run([...common(pusher), '--create', String(150 + Math.floor(random() * 150)), '--mode', 'sync'], Math.floor(random() * 400));
      const pulled = await run([...common(puller), '--mode', 'sync'], Math.floor(random() * 300));
      kills += Number(pushed.killed) + Number(pulled.killed);
    }
    expect(kills).toBeGreaterThan(0);

    const finalPusher = JSON.parse((await run([...common(pusher), '--mode', 'settle'], null)).stdout.split('\n').find((l) => l.startsWith('{'))!) as {
      ids: string[];
      pending: number;
      lastError: unknown;
    };
    const finalPuller = JSON.parse((await run([...common(puller), '--mode', 'settle'], null)).stdout.split('\n').find((l) => l.startsWith('{'))!) as {
      ids: string[];
      pending: number;
    };
    const records = await portal.records();
    const onPortal = records.map((r) => r.recordId).sort();
    expect(new Set(onPortal).size).toBe(onPortal.length);
    expect(finalPusher).toMatchObject({ pending: 0, lastError: null });
    expect(finalPusher.ids.sort()).toEqual(onPortal);
    expect(finalPuller.ids.sort()).toEqual(onPortal);
    for (const record of records) expect(record.revision).toBe(1);
  });
});
