/**
 * Pull (docs/sync-protocol.md, "Pull"): the records whose latest change is after the cursor,
 * oldest first, whole, within the device's scope. The cursor `<epoch>.<serial>` notices a
 * portal restored from a backup: another epoch, or a serial the portal never reached, is
 * answered `409 cursor_reset` so the device re-pushes what the portal lost.
 */
import { sql, type Kysely } from 'kysely';
import type { PortalDatabase } from '#db/portal/schema.js';
import type { DeviceRole, PullResponse, SyncEntity } from '#shared/sync/protocol.schema.js';
import { toNumber } from './database.js';
import { PortalError } from './errors.js';
import type { StoredConflict } from './merge.js';
import { readPortalMeta } from './portal-meta.js';
import { publicConflicts } from './records-repository.js';
import { pullableEntities } from './scope.js';

export interface PullInput {
  cursor?: string | undefined;
  limit: number;
}

export async function pullRecords(db: Kysely<PortalDatabase>, role: DeviceRole, input: PullInput): Promise<PullResponse> {
  // Read the newest serial first: pushes commit in serial order (they lock the meta row), so
  // every record up to it is visible to the query below, and nothing later is skipped.
  const meta = await readPortalMeta(db);
  if (!meta) throw new Error('portal_meta row missing');
  let after = 0;
  if (input.cursor) {
    const [epoch, serial] = input.cursor.split('.') as [string, string];
    after = Number(serial);
    if (epoch !== meta.epoch || after > meta.lastSerial) {
      throw new PortalError(409, 'cursor_reset', 'The portal was restored from a backup: push again, then pull from scratch.', {
        epoch: meta.epoch,
      });
    }
  }

  const entities = pullableEntities(role);
  const rows =
    entities.length === 0
      ? []
      : await db
          .selectFrom('records')
          .select(['entity', 'record_id', 'revision', 'serial', 'fields', 'conflicts'])
          .where('serial', '>', after)
          .where('serial', '<=', meta.lastSerial)
          // `entity || ''` keeps this condition off the primary-key index: without statistics
          // SQLite would answer it through (entity, record_id) and sort every record for each
          // page (50 ms a page at 10,000 records); walking the serial index stays ~0.5 ms.
          .where(sql<string>`${sql.ref('entity')} || ''`, 'in', entities)
          .orderBy('serial')
          .limit(input.limit + 1)
          .execute();
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  // With no more to send, jump to the newest serial so records out of scope are not re-scanned.
  const position = hasMore ? toNumber(page[page.length - 1]!.serial) : meta.lastSerial;
  return {
    records: page.map((r) => ({
      entity: r.entity as SyncEntity,
      recordId: r.record_id,
      revision: r.revision,
      fields: JSON.parse(r.fields) as Record<string, unknown>,
      conflicts: publicConflicts(JSON.parse(r.conflicts) as StoredConflict[]),
    })),
    cursor: `${meta.epoch}.${position}`,
    hasMore,
  };
}
