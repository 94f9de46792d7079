/**
 * One start-up as the hosts run it, in its own process, killed (SIGKILL, by itself) right
 * after step N when `--kill-after N` is given (see kill-switch.ts):
 *
 *   --laptop <data folder>   the core's start-up up to an open database, as startCore runs it
 *                            (ensureDataDir, prepareDatabase: leftovers, backup, migrations)
 *   --portal <sqlite file>   the portal's (openPortalDb + migratePortalDb, as its CLI does)
 *
 * When it is not killed it prints every step it took, as one JSON line, and exits 0.
 */
import { argValue, ensureDataDir } from '#core/data-dir.js';
import { prepareDatabase } from '#core/store/migrate.js';
import { migratePortalDb, openPortalDb } from '#portal/database.js';
import { installKillSwitch } from './kill-switch.js';

const argv = process.argv.slice(2);
const killAfterText = argValue(argv, '--kill-after');
const laptop = argValue(argv, '--laptop');
const portal = argValue(argv, '--portal');

// The rest of startCore wires handlers and writes nothing: it is left out so that a child starts
// in a fraction of a second (the parent starts the whole core after each crash).
const killSwitch = installKillSwitch(killAfterText === undefined ? null : Number(killAfterText));
if (laptop) {
  const layout = ensureDataDir(laptop);
  const prepared = await prepareDatabase({ file: layout.database, backupDir: layout.backups });
  await prepared.db.destroy();
} else if (portal) {
  const { db } = await openPortalDb({ sqliteFile: portal });
  await migratePortalDb(db);
  await db.destroy();
} else {
  throw new Error('usage: --laptop <data folder> | --portal <sqlite file> [--kill-after N]');
}
console.log(JSON.stringify({ steps: killSwitch.steps }));
