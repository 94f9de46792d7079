/**
 * Applies one pulled page and saves its cursor, in the caller's transaction. Never writes to
 * the outbox: this is the portal's state arriving, not a local change. A record that fails the
 * shared schema is skipped and counted (never trust the other side either).
 *
 * The page is read and written in a handful of statements per kind of record, not a few per
 * record, so that applying it keeps the core's thread busy for milliseconds, not hundreds.
 */
import type { Transaction } from 'kysely';
import type { ErasureRecord } from '#shared/people/rights-records.schema.js';
import type { Database } from '#db/schema.js';
import { syncEntitySchemas } from '#shared/sync/entities.js';
import type { PulledRecord, SyncEntity } from '#shared/sync/protocol.schema.js';
import type { SyncedRegistry } from '../store/codec.js';
import type { ErasureJournalEntry } from '../store/erasure-journal.js';
import { applyErasuresAfterPull } from '../store/erasure-writes.js';
import { applyPulledRecords } from '../store/sync-writes.js';
import { META, replaceConflicts, setMeta } from './sync.repository.js';

export async function applyPulledPage(
  trx: Transaction<Database>,
  registry: SyncedRegistry,
  records: readonly PulledRecord[],
  cursor: string,
  now: string,
): Promise<{ applied: number; invalid: number; changed: { entity: SyncEntity; id: string }[]; erasures: ErasureJournalEntry[]; wiped: number }> {
  const byEntity = new Map<SyncEntity, { record: PulledRecord; fields: Record<string, unknown> }[]>();
  let valid = 0;
  for (const record of records) {
    const parsed = syncEntitySchemas[record.entity].record.safeParse(record.fields);
    if (!parsed.success) continue;
    valid++;
    byEntity.set(record.entity, [...(byEntity.get(record.entity) ?? []), { record, fields: parsed.data }]);
  }
  const changed: { entity: SyncEntity; id: string }[] = [];
  for (const [entity, page] of byEntity) {
    await applyPulledRecords(trx, registry[entity], page, now);
    for (const { record } of page) changed.push({ entity, id: record.recordId });
  }
  // An erasure pulled wipes the person here too (another laptop or the lab erased them), and no
  // record of the page may bring back what an earlier erasure wiped.
  const erasures = (byEntity.get('erasure') ?? []).map(({ record, fields }): ErasureJournalEntry => {
    const e = fields as ErasureRecord;
    return { id: record.recordId, subject: e.subjectEntity, targets: e.targets.map((t) => [t.entity, t.recordId]), reason: e.reason, at: e.erasedAt };
  });
  const others = [...byEntity].filter(([entity]) => entity !== 'erasure').flatMap(([entity, page]) => page.map(({ record, fields }) => ({ entity, id: record.recordId, fields })));
  await replaceConflicts(trx, records.filter((r) => byEntity.get(r.entity)?.some((v) => v.record === r)));
  const { wiped } = await applyErasuresAfterPull(trx, registry, erasures.map((e) => ({ subjectEntity: e.subject, subjectId: e.id })), others, now);
  await setMeta(trx, META.cursor, cursor);
  return { applied: valid, invalid: records.length - valid, changed, erasures, wiped };
}
