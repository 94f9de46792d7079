/**
 * A laptop for the sync tests: the real core (migrations, services, outbox, sync engine) on
 * its own data directory, talking to the portal over real HTTP. The timer is off: each test
 * says when a sync runs. Restarting keeps the data directory and the token, as a laptop
 * shut and reopened would.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandName, CommandOutput, SyncStatus } from '#shared/contract.js';
import { workshopFieldsOf, type Workshop, type WorkshopFields } from '#shared/workshops/workshop.schema.js';
import { startCore, type Core } from '#core/core.js';
import { createSilentLogger } from '#core/logger.js';
import { createPortalHttp } from '#core/sync/portal-http.js';
import { createMemorySecretStore } from '#core/sync/secret-store.js';
import { testVault } from '#test/support/vault.js';

export interface TestLaptop {
  name: string;
  dataDir: string;
  must<K extends CommandName>(name: K, input: unknown): Promise<CommandOutput<K>>;
  invoke(name: CommandName, input: unknown): ReturnType<Core['dispatch']>;
  enrol(portalUrl: string, code: string): Promise<SyncStatus>;
  sync(): Promise<SyncStatus>;
  /** Syncs until nothing is waiting and a run succeeds, or gives up after `max` runs. */
  syncUntilSettled(max?: number): Promise<SyncStatus>;
  createWorkshop(overrides?: Partial<WorkshopFields>): Promise<Workshop>;
  workshops(): Promise<Workshop[]>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

export function workshopFields(overrides: Partial<WorkshopFields> = {}): WorkshopFields {
  counter++;
  return {
    kind: 'pb_co_construction',
    title: `Atelier ${counter}`,
    description: '',
    startsAt: '2026-12-03T18:30',
    endsAt: '2026-12-03T20:30',
    venueName: 'Centre social Belleville',
    venueAddress: '',
    arrondissement: 20,
    inQpv: true,
    capacity: null,
    partners: [],
    facilitators: [],
    ...overrides,
  };
}

export async function startLaptop(name: string, options: { timeoutMs?: number } = {}): Promise<TestLaptop> {
  const dataDir = mkdtempSync(join(tmpdir(), `atelier-${name}-`));
  const secrets = createMemorySecretStore(null);
  let core: Core;
  const open = async () => {
    core = await startCore({
      dataDir,
      logger: createSilentLogger(),
      appVersion: '0.1.0-test',
      onEvent: () => undefined,
      secrets,
      autoSync: false,
      httpFor: (baseUrl) => createPortalHttp({ baseUrl, timeoutMs: options.timeoutMs ?? 2_000 }),
      ...testVault(),
    });
  };
  await open();

  const laptop: TestLaptop = {
    name,
    dataDir,
    invoke: (command, input) => core.dispatch(command, input),
    async must(command, input) {
      const result = await core.dispatch(command, input);
      if (!result.ok) throw new Error(`${name}: ${command} failed: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    enrol: (portalUrl, code) => laptop.must('sync:enrol', { portalUrl, code, deviceName: name }),
    sync: () => laptop.must('sync:now', {}),
    async syncUntilSettled(max = 12) {
      let status = await laptop.sync();
      for (let i = 1; i < max && (status.pending > 0 || status.lastError !== null); i++) status = await laptop.sync();
      return status;
    },
    createWorkshop: (overrides) => laptop.must('workshops:create', workshopFields(overrides)),
    async workshops() {
      const list = await laptop.must('workshops:list', { limit: 500 });
      return [...list.items].sort((a, b) => a.id.localeCompare(b.id));
    },
    async restart() {
      await core.close();
      await open();
    },
    close: () => core.close(),
  };
  return laptop;
}

/** The form fields of a workshop as read back, to edit one field and keep the others. */
export const fieldsOf = workshopFieldsOf;

/** What every device should agree on: the synced fields of each live workshop. */
export function syncedView(workshops: readonly Workshop[]) {
  return workshops.map(({ id, title, description, status, minutes, arrondissement, venueName, startsAt, endsAt }) => ({
    id,
    title,
    description,
    status,
    minutes,
    arrondissement,
    venueName,
    startsAt,
    endsAt,
  }));
}
