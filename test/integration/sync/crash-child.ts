/**
 * A laptop as a separate process, for the crash test: the real core on a data folder, with
 * the token in a 0600 file as the web host keeps it. The parent kills it with SIGKILL at
 * random moments and starts it again on the same folder.
 *
 *   --data-dir D --portal URL [--code C] [--create N] --mode sync|settle
 *
 * `sync` syncs in a loop until killed; `settle` syncs until nothing waits, then prints the
 * local state as one JSON line and exits.
 */
import { join } from 'node:path';
import { startCore } from '#core/core.js';
import { argValue } from '#core/data-dir.js';
import { createSilentLogger } from '#core/logger.js';
import { createPortalHttp } from '#core/sync/portal-http.js';
import { createFileSecretStore } from '#core/sync/secret-store.js';
import { testVault } from '#test/support/vault.js';

const argv = process.argv.slice(2);
const dataDir = argValue(argv, '--data-dir')!;
const portalUrl = argValue(argv, '--portal')!;
const code = argValue(argv, '--code');
const create = Number(argValue(argv, '--create') ?? '0');
const mode = argValue(argv, '--mode') ?? 'sync';

const core = await startCore({
  dataDir,
  logger: createSilentLogger(),
  appVersion: '0.1.0-crash',
  onEvent: () => undefined,
  secrets: createFileSecretStore(join(dataDir, 'sync-token')),
  autoSync: false,
  httpFor: (baseUrl) => createPortalHttp({ baseUrl, timeoutMs: 2_000 }),
  ...testVault(),
});
const must = async (name: string, input: unknown) => {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as Record<string, unknown>;
};

if (code) await must('sync:enrol', { portalUrl, code, deviceName: 'crash test' });
for (let i = 0; i < create; i++) {
  await must('workshops:create', {
    kind: 'dataset_meetup',
    title: `Rencontre open data ${i}`,
    description: '',
    startsAt: '2027-01-14T18:30',
    endsAt: '2027-01-14T20:30',
    venueName: 'Bibliothèque',
    venueAddress: '',
    arrondissement: 13,
    inQpv: false,
    capacity: null,
    partners: [],
    facilitators: [],
  });
}
console.log('ready');

if (mode === 'sync') {
  for (;;) await must('sync:now', {});
} else {
  let status = await must('sync:now', {});
  for (let i = 0; i < 20 && (Number(status.pending) > 0 || status.lastError !== null); i++) status = await must('sync:now', {});
  const ids: string[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = (await must('workshops:list', { limit: 500, offset })) as { items: { id: string }[]; total: number };
    ids.push(...page.items.map((w) => w.id));
    if (offset + 500 >= page.total) break;
  }
  console.log(JSON.stringify({ ids, pending: status.pending, lastError: status.lastError }));
  await core.close();
  process.exit(0);
}
