/**
 * The real portal on an SQLite file that a test can stop, restart on the same port, back up
 * and restore, as an operator would, and whose records a test can read back to check the
 * sync invariants.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '#db/portal/schema.js';
import type { DeviceRole } from '#shared/sync/protocol.schema.js';
import { buildPortal } from '#portal/build-portal.js';
import { openPortalDb } from '#portal/database.js';
import { createEnrolmentCode } from '#portal/enrolment.js';
import { startNewEpoch } from '#portal/portal-meta.js';

export interface PortalRecord {
  recordId: string;
  revision: number;
  fields: Record<string, unknown>;
  flagged: boolean;
}

export interface ControlledPortal {
  url: string;
  newCode(role?: DeviceRole): Promise<string>;
  records(): Promise<PortalRecord[]>;
  /** The attachments the portal holds: how many bytes, and whether whole and hash-checked. */
  attachments(): Promise<{ sha256: string; size: number; received: number; complete: boolean }[]>;
  restart(): Promise<void>;
  /** A copy of the database as it is now (the portal is stopped for the copy, then restarted). */
  backup(): Promise<string>;
  /** Replaces the database with a backup; `markRestored` is the operator's `portal restored`. */
  restore(backup: string, options: { markRestored: boolean }): Promise<void>;
  close(): Promise<void>;
}

export async function startControlledPortal(): Promise<ControlledPortal> {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-controlled-portal-'));
  const file = join(dir, 'portal.sqlite');
  let db: Kysely<PortalDatabase>;
  let app: FastifyInstance;
  let port = 0;
  let backups = 0;

  const start = async () => {
    db = (await openPortalDb({ sqliteFile: file })).db;
    app = await buildPortal({ db, dialect: 'sqlite', attachmentsDir: join(dir, 'attachments'), logger: false, rateLimit: false });
    await app.listen({ port, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('portal did not listen');
    port = address.port;
  };
  const stop = async () => {
    await app.close();
    await db.destroy();
  };
  await start();

  return {
    url: `http://127.0.0.1:${port}`,
    newCode: async (role = 'field') => (await createEnrolmentCode(db, { name: 'test', role, ttlHours: 1 }, new Date())).code,
    async records() {
      const rows = await db.selectFrom('records').selectAll().where('entity', '=', 'workshop').execute();
      return rows.map((row) => ({
        recordId: row.record_id,
        revision: Number(row.revision),
        fields: JSON.parse(row.fields) as Record<string, unknown>,
        flagged: Number(row.flagged) === 1,
      }));
    },
    async attachments() {
      const rows = await db.selectFrom('attachments').select(['sha256', 'size', 'received', 'complete']).execute();
      return rows.map((r) => ({ sha256: r.sha256, size: Number(r.size), received: Number(r.received), complete: Number(r.complete) === 1 }));
    },
    async restart() {
      await stop();
      await start();
    },
    async backup() {
      await stop();
      const copy = join(dir, `backup-${++backups}.sqlite`);
      copyFileSync(file, copy);
      await start();
      return copy;
    },
    async restore(backup, options) {
      await stop();
      for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      copyFileSync(backup, file);
      await start();
      if (options.markRestored) await startNewEpoch(db, new Date());
    },
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
