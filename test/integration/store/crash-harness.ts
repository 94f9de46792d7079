/**
 * Runs startup-crash-child.ts, bundled once with esbuild (a start under tsx costs seconds of
 * transpiling; the crash tests start a child some two hundred times), and kills it at a step.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..', '..', '..');

/** Bundles the child next to the build output (inside the repository, so packages resolve). */
export async function bundleCrashChild(): Promise<string> {
  const outdir = join(root, 'out', 'test');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, `startup-crash-child-${randomBytes(6).toString('hex')}.mjs`);
  await build({
    entryPoints: [join(import.meta.dirname, 'startup-crash-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

export interface ChildRun {
  /** Where the kill landed, as the child reported it; null when it was not killed. */
  killedAfter: string | null;
  /** Every step of a run that was not killed. */
  steps: string[] | null;
}

export function runCrashChild(bundle: string, args: string[], killAfter: number | null): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const extra = killAfter === null ? [] : ['--kill-after', String(killAfter)];
    const proc = spawn(process.execPath, [bundle, ...args, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') {
        const landed = /killed after step \d+: (.*)/.exec(stderr);
        if (!landed) reject(new Error(`child killed without saying where: ${stderr}`));
        else resolve({ killedAfter: landed[1]!, steps: null });
      } else if (code === 0) {
        resolve({ killedAfter: null, steps: (JSON.parse(stdout.trim().split('\n').pop()!) as { steps: string[] }).steps });
      } else {
        reject(new Error(`child exited ${code}${signal ? ` (${signal})` : ''}: ${stderr}`));
      }
    });
  });
}
