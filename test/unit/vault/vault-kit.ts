/**
 * A core on a data folder of its own, as a host starts it (sealed, or at its first start), with
 * the clocks a test moves (wall time, and the monotonic clock of the idle lock and the PIN),
 * the events it emitted and the lines it logged. Not a test file itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startCore, type Core, type CoreOptions } from '#core/core.js';
import type { CommandInput, CommandName, CommandOutput } from '#shared/contract.js';
import type { Result } from '#shared/result.js';
import { TEST_KDF, TEST_PASSPHRASE } from '#test/support/vault.js';

export const ACTOR = 'Camille Martin';

export interface VaultCore {
  dataDir: string;
  core: Core;
  invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>>;
  must<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>>;
  events: string[];
  logs: { msg: string; [key: string]: unknown }[];
  /** Moves the monotonic clock (idle time, PIN waits). */
  pass(ms: number): void;
  setNow(iso: string): void;
  /** Closes and starts again on the same folder (a restart of the app): sealed. */
  restart(extra?: Partial<CoreOptions>): Promise<void>;
  close(): Promise<void>;
}

export async function openVaultCore(extra: Partial<CoreOptions> = {}, dataDir = mkdtempSync(join(tmpdir(), 'atelier-vault-'))): Promise<VaultCore> {
  let elapsed = 1_000;
  let now = new Date('2026-03-14T17:00:00.000Z');
  const events: string[] = [];
  const logs: VaultCore['logs'] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as VaultCore['logs'][number]) });
  const start = (more: Partial<CoreOptions>) =>
    startCore({
      dataDir,
      logger,
      appVersion: '0.0.0-test',
      onEvent: (name) => void events.push(name),
      now: () => now,
      elapsed: () => elapsed,
      testKdf: TEST_KDF,
      ...extra,
      ...more,
    });
  let core = await start({});
  const kit: VaultCore = {
    dataDir,
    get core() {
      return core;
    },
    invoke: (name, input) => core.dispatch(name, input) as never,
    async must(name, input) {
      const result = await core.dispatch(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    events,
    logs,
    pass: (ms) => void (elapsed += ms),
    setNow: (iso) => void (now = new Date(iso)),
    async restart(more = {}) {
      await core.close();
      core = await start(more);
    },
    async close() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return kit;
}

export const setupInput = (passphrase = TEST_PASSPHRASE) => ({ passphrase, confirmation: passphrase, actor: ACTOR });
export const unlockInput = (passphrase = TEST_PASSPHRASE) => ({ method: 'passphrase' as const, passphrase, actor: ACTOR });
export const pinInput = (pin: string) => ({ method: 'pin' as const, pin, actor: ACTOR });
