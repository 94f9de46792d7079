/**
 * Runs every pending migration as one all-or-nothing step, on the laptop's SQLite and on the
 * portal's SQLite or PostgreSQL.
 *
 * Why not Kysely's Migrator alone: its SQLite adapter declares no transactional DDL, so on
 * SQLite each statement of a migration commits by itself, and a process killed between two of
 * them leaves tables that exist without their row in the migration table — a data folder that
 * never starts again ("table … already exists"). SQLite does support DDL in a transaction, so
 * on SQLite we hold one `BEGIN IMMEDIATE` transaction on the single connection around the
 * Migrator's whole run (its bookkeeping tables included) and an optional last step inside it
 * (the laptop's `user_version`), then commit once.
 *
 * On PostgreSQL the Migrator already runs all pending migrations in one transaction (its
 * adapter declares transactional DDL); only its idempotent "create the bookkeeping tables if
 * missing" steps run before, outside, which keeps its handling of two portals starting at once.
 *
 * Invariants a migration must keep for this to hold: it never begins, commits or rolls back a
 * transaction, and it never relies on a pragma that has no effect inside one (`journal_mode`,
 * `foreign_keys`): those belong to the connection set-up, before this runs.
 */
import { Migrator, sql, type Kysely, type MigrationProvider, type MigrationResultSet } from 'kysely';

export interface MigrateOptions<DB> {
  provider: MigrationProvider;
  migrationTableName?: string;
  migrationLockTableName?: string;
  /**
   * Runs inside the same transaction after the last migration, so that it commits with them or
   * not at all (the laptop writes `user_version` here). SQLite only.
   */
  beforeCommit?: (db: Kysely<DB>) => Promise<void>;
}

export async function migrateToLatestAtomically<DB>(db: Kysely<DB>, options: MigrateOptions<DB>): Promise<MigrationResultSet> {
  const migratorFor = (on: Kysely<DB>) =>
    new Migrator({
      db: on,
      provider: options.provider,
      ...(options.migrationTableName ? { migrationTableName: options.migrationTableName } : {}),
      ...(options.migrationLockTableName ? { migrationLockTableName: options.migrationLockTableName } : {}),
    });

  if (db.getExecutor().adapter.supportsTransactionalDdl) {
    if (options.beforeCommit) throw new TypeError('beforeCommit is only supported on SQLite');
    return migratorFor(db).migrateToLatest();
  }

  // SQLite: one connection, one transaction. IMMEDIATE takes the write lock at once, so another
  // process (the portal's CLI while it serves) waits on busy_timeout instead of failing midway.
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    let committed = false;
    try {
      const result = await migratorFor(connection).migrateToLatest();
      if (result.error !== undefined) return result;
      await options.beforeCommit?.(connection);
      await sql`commit`.execute(connection);
      committed = true;
      return result;
    } finally {
      if (!committed) await rollbackQuietly(connection);
    }
  });
}

/**
 * Some errors (disk full, I/O) have already rolled the transaction back, and then ROLLBACK
 * itself fails: the first error is the one worth reporting, so this one is dropped. Closing
 * the connection would roll back anything still open in any case.
 */
async function rollbackQuietly<DB>(connection: Kysely<DB>): Promise<void> {
  try {
    await sql`rollback`.execute(connection);
  } catch {
    // No transaction was active any more: nothing of this run was kept.
  }
}
