/**
 * Test-only, installed by a crash-test child process on itself and never by the app: counts
 * every step of the process that can leave something on disk — each SQLite statement executed
 * (better-sqlite3's `run`/`get`/`all`/`exec`, which every Kysely query and pragma goes through),
 * each page batch of an online backup, each fsync, rename and file removal — and SIGKILLs the
 * process right after step N. The production code carries no hook: the counting wraps the
 * libraries from outside.
 *
 * The label of the step it dies after is written to stderr first (synchronously), so the
 * parent knows where each kill landed.
 */
import BetterSqlite3 from 'better-sqlite3';
import BetterSqlite3Ciphers from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename } from 'node:path';

export interface KillSwitch {
  /** Every step seen so far, in order. */
  readonly steps: string[];
}

/** Pages per backup step, so that a backup of a few megabytes takes several steps. */
const BACKUP_STEPS = 6;

export function installKillSwitch(killAfter: number | null): KillSwitch {
  const steps: string[] = [];
  const step = (label: string) => {
    steps.push(label);
    if (killAfter !== null && steps.length === killAfter) {
      fs.writeSync(2, `killed after step ${steps.length}: ${label}\n`);
      process.kill(process.pid, 'SIGKILL');
    }
  };

  // Both builds: the laptop's core uses the encrypting one, the portal the plain one.
  for (const Library of [BetterSqlite3, BetterSqlite3Ciphers] as unknown as (new (file: string) => BetterSqlite3.Database)[]) {
    const probe = new Library(':memory:');
    const statementProto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, (...args: unknown[]) => unknown>;
    probe.close();
    for (const method of ['run', 'get', 'all'] as const) {
      const original = statementProto[method]!;
      statementProto[method] = function (this: { source: string }, ...args: unknown[]) {
        const result = original.apply(this, args);
        step(`sql: ${oneLine(this.source)}`);
        return result;
      };
    }

    const databaseProto = Library.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    const exec = databaseProto.exec!;
    databaseProto.exec = function (this: unknown, source: unknown) {
      const result = exec.call(this, source);
      step(`sql: ${oneLine(String(source))}`);
      return result;
    };
    const backup = databaseProto.backup!;
    databaseProto.backup = function (this: unknown, target: unknown, given?: unknown) {
      const options = given as { progress?: (p: BackupProgress) => number | undefined } | undefined;
      return backup.call(this, target, {
        ...options,
        progress: (progress: BackupProgress) => {
          step(`backup: ${progress.remainingPages} of ${progress.totalPages} pages left`);
          return options?.progress?.(progress) ?? Math.max(8, Math.ceil(progress.totalPages / BACKUP_STEPS));
        },
      });
    };
  }

  const mutable = fs as unknown as Record<string, (...args: unknown[]) => unknown>;
  const fsStep = (name: 'renameSync' | 'fsyncSync' | 'rmSync' | 'unlinkSync', describe: (args: unknown[]) => string | null) => {
    const original = mutable[name]!;
    mutable[name] = (...args: unknown[]) => {
      const label = describe(args);
      const result = original(...args);
      if (label !== null) step(label);
      return result;
    };
  };
  fsStep('renameSync', ([from, to]) => `fs: rename ${basename(String(from))} → ${basename(String(to))}`);
  fsStep('fsyncSync', () => 'fs: fsync');
  // Removing a file that is not there changes nothing on disk: not a step.
  fsStep('rmSync', ([path]) => (fs.existsSync(String(path)) ? `fs: remove ${basename(String(path))}` : null));
  fsStep('unlinkSync', ([path]) => `fs: remove ${basename(String(path))}`);
  // The app imports these as named ES exports: make them see the wrapped functions.
  syncBuiltinESMExports();
  return { steps };
}

interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

/** The statement on one line; a key is never written out (each run makes its own, and it is a secret). */
function oneLine(source: string): string {
  return source
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(PRAGMA (?:re)?key\s*=).*$/i, '$1 <key>')
    .slice(0, 160);
}
