/**
 * One start-up as the hosts run it, in its own process, killed (SIGKILL, by itself) right
 * after step N when `--kill-after N` is given (see kill-switch.ts):
 *
 *   --laptop <data folder>   the core's start-up up to an open database, as startCore runs it
 *                            with the test passphrase (the vault's first start or its unlock,
 *                            then prepareDatabase: leftovers, backup, migrations)
 *   --portal <sqlite file>   the portal's (openPortalDb + migratePortalDb, as its CLI does)
 *   --convert <data folder>  a first start on a plain folder of an earlier version: the
 *                            passphrase chosen, the folder encrypted in place (vault:setup)
 *   --change <data folder>   the test passphrase typed, then changed to `--to <passphrase>`
 *
 * When it is not killed it prints every step it took, as one JSON line, and exits 0.
 */
import { startCore } from '#core/core.js';
import { argValue } from '#core/data-dir.js';
import { createSilentLogger } from '#core/logger.js';
import { TEST_KDF, TEST_PASSPHRASE, testVault } from '#test/support/vault.js';
import { migratePortalDb, openPortalDb } from '#portal/database.js';
import { installKillSwitch } from './kill-switch.js';

const argv = process.argv.slice(2);
const killAfterText = argValue(argv, '--kill-after');
const laptop = argValue(argv, '--laptop');
const portal = argValue(argv, '--portal');
const convert = argValue(argv, '--convert');
const change = argValue(argv, '--change');

const killSwitch = installKillSwitch(killAfterText === undefined ? null : Number(killAfterText));
if (laptop) {
  // The retention purge is off: it runs beside the commands once the data is open, not in the
  // start-up killed here, and it changes the data on purpose (retention.test.ts tests it).
  const core = await startCore({ dataDir: laptop, logger: createSilentLogger(), appVersion: '0.1.0-crash', onEvent: () => undefined, retention: false, ...testVault() });
  await core.close();
} else if (convert || change) {
  const core = await startCore({ dataDir: (convert ?? change)!, logger: createSilentLogger(), appVersion: '0.1.0-crash', onEvent: () => undefined, testKdf: TEST_KDF });
  const answer = convert
    ? await core.dispatch('vault:setup', { passphrase: TEST_PASSPHRASE, confirmation: TEST_PASSPHRASE, actor: 'Camille Martin' })
    : await core
        .dispatch('vault:unlock', { method: 'passphrase', passphrase: TEST_PASSPHRASE, actor: 'Camille Martin' })
        .then(() => core.dispatch('vault:change-passphrase', { current: TEST_PASSPHRASE, passphrase: argValue(argv, '--to')!, confirmation: argValue(argv, '--to')! }));
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  await core.close();
} else if (portal) {
  const { db } = await openPortalDb({ sqliteFile: portal });
  await migratePortalDb(db);
  await db.destroy();
} else {
  throw new Error('usage: --laptop <data folder> | --portal <sqlite file> | --convert <data folder> | --change <data folder> --to <passphrase> [--kill-after N]');
}
console.log(JSON.stringify({ steps: killSwitch.steps }));
