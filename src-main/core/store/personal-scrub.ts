/**
 * What an erasure removes besides the row itself: the personal values still queued in the
 * outbox for that record, and the open conflicts on its personal fields (their candidates are
 * the values two laptops typed). Only store/ touches the outbox (write-funnel test).
 *
 * - A pending entry keeps its place in the queue, with its personal values replaced by null:
 *   the portal expects every seq in order, so an entry cannot leave the middle of the queue,
 *   and a null is exactly what the erasure asks the portal to hold.
 * - A rejected entry is out of the queue: its personal fields are removed, and an entry left
 *   with nothing else is deleted.
 */
import type { Transaction } from 'kysely';
import type { Database } from '#db/schema.js';
import type { AnyCodec } from './codec.js';

type Loose = Record<string, unknown>;

export async function scrubQueuedPersonalData(trx: Transaction<Database>, codec: AnyCodec, recordId: string): Promise<void> {
  const personal = codec.personal;
  if (!personal) return;
  const fields = new Set(personal.fields);
  const rows = await trx
    .selectFrom('outbox')
    .select(['seq', 'state', 'payload'])
    .where('entity', '=', codec.entity)
    .where('record_id', '=', recordId)
    .execute();
  for (const row of rows) {
    const payload = JSON.parse(row.payload) as Loose;
    const keys = Object.keys(payload).filter((k) => fields.has(k));
    if (row.state === 'rejected') {
      if (keys.length === 0) continue;
      for (const k of keys) delete payload[k];
      // eslint-disable-next-line no-restricted-syntax -- a refused change out of the queue, not a record
      if (Object.keys(payload).length === 0) await trx.deleteFrom('outbox').where('seq', '=', row.seq).execute();
      else await trx.updateTable('outbox').set({ payload: JSON.stringify(payload) }).where('seq', '=', row.seq).execute();
      continue;
    }
    const carried = keys.filter((k) => payload[k] !== null);
    if (carried.length === 0) continue;
    for (const k of carried) payload[k] = null;
    await trx.updateTable('outbox').set({ payload: JSON.stringify(payload) }).where('seq', '=', row.seq).execute();
  }
  // eslint-disable-next-line no-restricted-syntax -- local bookkeeping of the portal's flags, not a synced table
  await trx
    .deleteFrom('sync_conflicts')
    .where('entity', '=', codec.entity)
    .where('record_id', '=', recordId)
    .where('field', 'in', [...fields])
    .execute();
}
