/**
 * What the encryption at rest costs (issue 9), measured in one run on the same machine:
 * - `workshops:create` and the check-in search (`attendance:search`, 1 to 6 letters typed,
 *   in a workshop of 5,000 among 50,000 people) through the core's dispatch, on two data
 *   folders written the same way, one encrypted (SQLCipher, the app's key) and one plain;
 *   the calls alternate between the two so that any load on the machine weighs on both.
 *   Reported as encrypted ÷ plain ratios of the p50 (goal ≤ 1.3×).
 * - The unlock at the app's Argon2id cost (APP_KDF): `vault:unlock` on a sealed core, from the
 *   passphrase to the data open (goal under 1 s), and the key derivation alone.
 * Standalone: `node --import tsx bench/vault.bench.ts` (`--json` for machine-readable output).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { personSearchText } from '#core/attendance/attendance.codecs.js';
import { startCore } from '#core/core.js';
import { ensureDataDir } from '#core/data-dir.js';
import { createDispatcher } from '#core/dispatcher.js';
import { createHandlers, type CoreSlices } from '#core/handlers.js';
import { createSilentLogger } from '#core/logger.js';
import { prepareDatabase } from '#core/store/migrate.js';
import { openSqlite } from '#core/store/open-database.js';
import { APP_KDF, newDatabaseKey } from '#core/vault/key-wrap.js';
import { createFileVaultStore, noKeystore } from '#core/vault/vault-file.js';
import { keyFromPassphrase } from '#core/vault/vault-slots.js';
import { summarize, type Summary } from './stats.js';

const PEOPLE = 50_000;
const WORKSHOPS = 10;
const CREATES = [50, 600] as const;
const SEARCHES = [30, 600] as const;
const UNLOCKS = [1, 7] as const;
const json = process.argv.includes('--json');
const log = (message: string) => process.stderr.write(`[vault bench] ${message}\n`);
const tmp = mkdtempSync(join(tmpdir(), 'atelier-vault-bench-'));

const workshopInput = (i: number) => ({
  kind: 'pb_co_construction', title: `Atelier du quartier ${i}`, description: 'Projets pour le square Léon et la rue Myrha.', startsAt: '2026-03-14T18:30', endsAt: '2026-03-14T20:30',
  venueName: 'Centre Barbara', venueAddress: '1 rue Fleury, 75018 Paris', arrondissement: 18, inQpv: true, capacity: null, partners: [], facilitators: ['Camille Martin'],
});
const first = ['Awa', 'Hélène', 'Inès', 'Jean', 'Léa', 'Mamadou', 'Chloé', 'Youssef', 'Zoé', 'Éric', 'Fatou', 'Noé', 'Aïcha', 'Bruno', 'Céline', 'Karim', 'Lucie', 'Moussa'];
const last = ['Diallo', 'Côté', 'Haddad', 'Dupont', 'Martin', 'Traoré', 'Lefèvre', 'Benali', 'Nguyen', 'Moreau', 'Bernard', 'Petit', 'Durand', 'Leroy', 'Roux', 'Fournier'];

/** A data folder written by the core's own code, encrypted with `key` or plain (null). */
async function dataFolder(name: string, key: Buffer | null) {
  const layout = ensureDataDir(join(tmp, name));
  const migrated = await prepareDatabase({ file: layout.database, backupDir: layout.backups, key });
  await migrated.db.destroy();
  // The people, written directly (the search reads these columns), the same in both folders.
  const sqlite = openSqlite(layout.database, { key });
  const workshopIds = Array.from({ length: WORKSHOPS }, () => randomUUID());
  sqlite.transaction(() => {
    const person = sqlite.prepare('insert into people (id, name, email, phone, citizen_card_number, search_text, created_at, updated_at, version) values (?, ?, ?, null, null, ?, ?, ?, 1)');
    const attendance = sqlite.prepare("insert into attendances (id, workshop_id, person_id, profile_id, status, source, checked_in_at, recorded_by, created_at, updated_at, version) values (?, ?, ?, null, 'registered', 'pre_registered', null, 'bench', ?, ?, 1)");
    for (let i = 0; i < PEOPLE; i++) {
      const n = `${first[i % first.length]} ${last[Math.floor(i / first.length) % last.length]}`;
      const email = `${n.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z]+/g, '.')}${i}@example.org`;
      const at = new Date(Date.parse('2026-01-01T08:00:00Z') + i * 137_000).toISOString();
      const id = randomUUID();
      person.run(id, n, email, personSearchText(n, email), at, at);
      attendance.run(randomUUID(), workshopIds[i % WORKSHOPS], id, at, at);
    }
  })();
  sqlite.close();
  const prepared = await prepareDatabase({ file: layout.database, backupDir: layout.backups, key });
  const dispatch = createDispatcher(
    createHandlers({ coreSlices: {} as unknown as CoreSlices, db: prepared.db, now: () => new Date(), newId: () => randomUUID(), emit: () => undefined, appVersion: 'bench', schemaVersion: prepared.schemaVersion }),
    createSilentLogger(),
  );
  return { dispatch, workshopId: workshopIds[0]!, close: () => prepared.db.destroy() };
}

/** Runs `call` on both folders in turn, `warm` times unmeasured then `runs` times measured. */
async function alternate(runs: readonly [number, number], call: (folder: Awaited<ReturnType<typeof dataFolder>>, i: number) => Promise<unknown>, folders: Awaited<ReturnType<typeof dataFolder>>[]) {
  const samples: number[][] = folders.map(() => []);
  for (let i = 0; i < runs[0] + runs[1]; i++) {
    for (const [f, folder] of folders.entries()) {
      const t = performance.now();
      const answer = (await call(folder, i)) as { ok: boolean; error?: unknown };
      const ms = performance.now() - t;
      if (!answer.ok) throw new Error(JSON.stringify(answer.error));
      if (i >= runs[0]) samples[f]!.push(ms);
    }
  }
  return samples.map((s) => summarize(s));
}

log(`writing two data folders of ${PEOPLE.toLocaleString('en')} people, encrypted and plain…`);
const encrypted = await dataFolder('encrypted', newDatabaseKey());
const plain = await dataFolder('plain', null);
const folders = [encrypted, plain];

log('workshops:create…');
const [createEncrypted, createPlain] = await alternate(CREATES, (folder, i) => folder.dispatch('workshops:create', workshopInput(i)), folders);
log('attendance:search…');
const typed = ['a', 'ha', 'had', 'hadd', 'haddad', 'l', 'le', 'lef', 'moussa', 'ine', 'fatou', 'tr', 'cot', 'ber'];
const [searchEncrypted, searchPlain] = await alternate(SEARCHES, (folder, i) => folder.dispatch('attendance:search', { workshopId: folder.workshopId, query: typed[i % typed.length]!, limit: 8 }), folders);
await encrypted.close();
await plain.close();

log(`unlock at the app's Argon2id cost (${APP_KDF.memoryKiB / 1024} MiB, ${APP_KDF.iterations} passes)…`);
const passphrase = 'quatre chaises bleues au marché';
const unlockDir = join(tmp, 'unlock');
const open = () => startCore({ dataDir: unlockDir, logger: createSilentLogger(), appVersion: 'bench', onEvent: () => undefined });
{
  const core = await open();
  const setup = await core.dispatch('vault:setup', { passphrase, confirmation: passphrase, actor: 'Camille Martin' });
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  await core.close();
}
const unlockMs: number[] = [];
const deriveMs: number[] = [];
const doc = createFileVaultStore(unlockDir).read()!;
for (let i = 0; i < UNLOCKS[0] + UNLOCKS[1]; i++) {
  const core = await open();
  const t = performance.now();
  const answer = await core.dispatch('vault:unlock', { method: 'passphrase', passphrase, actor: 'Camille Martin' });
  const ms = performance.now() - t;
  await core.close();
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  const t2 = performance.now();
  await keyFromPassphrase(doc, passphrase, noKeystore);
  const derive = performance.now() - t2;
  if (i >= UNLOCKS[0]) {
    unlockMs.push(ms);
    deriveMs.push(derive);
  }
}
rmSync(tmp, { recursive: true, force: true });

const result = {
  create: { encrypted: createEncrypted!, plain: createPlain!, ratio: createEncrypted!.p50 / createPlain!.p50 },
  search: { encrypted: searchEncrypted!, plain: searchPlain!, ratio: searchEncrypted!.p50 / searchPlain!.p50 },
  unlock: summarize(unlockMs),
  derive: summarize(deriveMs),
  kdf: APP_KDF,
};
if (json) console.log(JSON.stringify(result));
else {
  const f = (s: Summary) => `p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms (n ${s.n})`;
  console.log(`workshops:create  encrypted ${f(result.create.encrypted)} | plain ${f(result.create.plain)} | ratio ${result.create.ratio.toFixed(2)}×`);
  console.log(`attendance:search encrypted ${f(result.search.encrypted)} | plain ${f(result.search.plain)} | ratio ${result.search.ratio.toFixed(2)}×`);
  console.log(`vault:unlock ${f(result.unlock)}; Argon2id alone ${f(result.derive)}`);
}
export type VaultBench = typeof result;
