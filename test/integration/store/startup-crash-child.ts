/**
 * One start-up as the hosts run it, in its own process, killed (SIGKILL, by itself) right
 * after step N when `--kill-after N` is given (see kill-switch.ts):
 *
 *   --laptop <data folder>   the core's start-up up to an open database, as startCore runs it
 *                            with the test passphrase (the vault's first start or its unlock,
 *                            then prepareDatabase: leftovers, backup, migrations)
 *   --portal <sqlite file>   the portal's (openPortalDb + migratePortalDb, as its CLI does)
 *
 * When it is not killed it prints every step it took, as one JSON line, and exits 0.
 */
import { startCore } from '#core/core.js';
import { argValue } from '#core/data-dir.js';
import { createSilentLogger } from '#core/logger.js';
import { testVault } from '#test/support/vault.js';
import { migratePortalDb, openPortalDb } from '#portal/database.js';
import { installKillSwitch } from './kill-switch.js';

const argv = process.argv.slice(2);
const killAfterText = argValue(argv, '--kill-after');
const laptop = argValue(argv, '--laptop');
const portal = argValue(argv, '--portal');

const killSwitch = installKillSwitch(killAfterText === undefined ? null : Number(killAfterText));
if (laptop) {
  const core = await startCore({ dataDir: laptop, logger: createSilentLogger(), appVersion: '0.1.0-crash', onEvent: () => undefined, ...testVault() });
  await core.close();
} else if (portal) {
  const { db } = await openPortalDb({ sqliteFile: portal });
  await migratePortalDb(db);
  await db.destroy();
} else {
  throw new Error('usage: --laptop <data folder> | --portal <sqlite file> [--kill-after N]');
}
console.log(JSON.stringify({ steps: killSwitch.steps }));
