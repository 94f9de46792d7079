/**
 * Push (docs/sync-protocol.md, "Push"): one transaction per batch with the device row locked;
 * replayed seqs are acknowledged and skipped, a gap refuses the whole batch, an invalid change
 * is rejected with its reason and never blocks the rest, and the device's last applied seq is
 * stored in the same transaction as the changes.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { PortalDatabase } from '#db/portal/schema.js';
import { fieldsFromIssues } from '#shared/result.js';
import { syncEntitySchemas } from '#shared/sync/entities.js';
import { jsonDepthExceeds } from '#shared/sync/json-depth.js';
import {
  SYNC_LIMITS,
  type Change,
  type PortalErrorBody,
  type PushResponse,
  type SyncEntity,
} from '#shared/sync/protocol.schema.js';
import type { AuthenticatedDevice } from './auth.js';
import { toNumber, type PortalDialect } from './database.js';
import { PortalError } from './errors.js';
import { jsonBytes } from './json-body.js';
import { mergeChange } from './merge.js';
import { readPortalMeta, storeLastSerial } from './portal-meta.js';
import { findRecords, recordKey, saveRecords, toMergeState, type SaveRecordInput } from './records-repository.js';
import type { MergeState } from './merge.js';
import { canPush } from './scope.js';
import { sameValue } from './canonical-json.js';
import { immutableEntities } from '#shared/sync/immutable.js';
import { loadErased, recordErasure, refuseTargets, stripErased, wipeState, type ErasedIndex } from './erasure.js';
import type { ErasureRecord } from '#shared/people/rights-records.schema.js';
import { caseAttachmentShas } from '#shared/transfo/case-sync.schema.js';

export interface PushContext {
  db: Kysely<PortalDatabase>;
  dialect: PortalDialect;
  device: AuthenticatedDevice;
  now: Date;
}

/** Attachments a record's fields refer to (by SHA-256); none of today's entities has any. */
const attachmentReferences: Record<SyncEntity, (fields: Record<string, unknown>) => string[]> = {
  workshop: () => [],
  person: () => [],
  profile: () => [],
  attendance: () => [],
  consent: () => [],
  head_count: () => [],
  // A proposal's photos must be on the portal before the proposal is applied.
  proposal: (fields) => (Array.isArray(fields.photos) ? fields.photos.filter((p): p is string => typeof p === 'string') : []),
  support: () => [],
  erasure: () => [],
  lab_settings: () => [],
  charter_chapter: () => [],
  charter_article: () => [],
  charter_question: () => [],
  charter_tag: () => [],
  charter_consultation: () => [],
  charter_contribution: () => [],
  card_atelier_type: () => [],
  card_occurrence: () => [],
  card_draw: () => [],
  card_promotion: () => [],
  card_holder: () => [],
  card_registration: () => [],
  transfo_campaign: () => [],
  transfo_candidate: () => [],
  transfo_stage_move: () => [],
  // A practical case's prototypes: their photos and videos must be on the portal first.
  transfo_case: (fields) => caseAttachmentShas(fields.prototypes),
  transfo_module: () => [],
  transfo_session: () => [],
  transfo_attendance: () => [],
  lab_publication: () => [],
  lab_publication_version: () => [],
};

type Result = PushResponse['results'][number];

export async function applyPush(ctx: PushContext, changes: readonly Change[]): Promise<PushResponse> {
  for (let i = 1; i < changes.length; i++) {
    if (changes[i]!.seq !== changes[i - 1]!.seq + 1) {
      throw new PortalError(400, 'invalid_request', 'A batch must hold consecutive seqs, oldest first.', {
        fields: { [`changes.${i}.seq`]: 'validation.notConsecutive' },
      });
    }
  }
  const response = await ctx.db.transaction().execute(async (trx) => {
    const device = await trx
      .selectFrom('devices')
      .select(['last_seq', 'revoked_at'])
      .where('id', '=', ctx.device.id)
      .$if(ctx.dialect === 'postgres', (qb) => qb.forUpdate())
      .executeTakeFirst();
    // Revoked between the auth check and the lock: refuse rather than apply.
    if (!device || device.revoked_at !== null) {
      throw new PortalError(401, 'device_revoked', 'This device was disconnected from the portal; enrol it again.');
    }
    let lastSeq = toNumber(device.last_seq);
    const first = changes[0]!.seq;
    if (first > lastSeq + 1) {
      throw new PortalError(409, 'seq_gap', `Expected seq ${lastSeq + 1}, got ${first}.`, { expectedSeq: lastSeq + 1 });
    }
    const meta = await readPortalMeta(trx, ctx.dialect);
    if (!meta) throw new Error('portal_meta row missing');
    let lastSerial = meta.lastSerial;
    const at = ctx.now.toISOString();
    const results: Result[] = [];
    // Every record the batch touches, read once; merged in memory; written once at the end.
    const fresh = changes.filter((c) => c.seq > lastSeq);
    const stored = await findRecords(trx, fresh.map((c) => ({ entity: c.entity, recordId: c.recordId })));
    const records: RecordCache = new Map(
      [...stored].map(([key, row]) => [key, { state: toMergeState(row), exists: true, dirty: false, serial: 0, createdBy: row.created_by_device }]),
    );
    // Fields wiped by an erasure are null in every change that comes after it (erasure.ts).
    const erased = await loadErased(trx, fresh);

    for (const received of changes) {
      if (received.seq <= lastSeq) {
        results.push({ seq: received.seq, status: 'duplicate' });
        continue;
      }
      const change = stripErased(received, erased);
      const outcome = await applyChange(trx, ctx, records, change, lastSerial + 1, erased);
      if (outcome.status === 'rejected') {
        await trx
          .insertInto('rejected_changes')
          .values({ id: randomUUID(), device_id: ctx.device.id, seq: change.seq, change_id: change.changeId, entity: change.entity, record_id: change.recordId, change: keptCopy(change), reason: JSON.stringify(outcome.reason), received_at: at })
          .execute();
      }
      lastSerial += outcome.serials;
      results.push(outcome.result);
      lastSeq = change.seq;
    }

    const dirty: SaveRecordInput[] = [];
    for (const [key, entry] of records) {
      if (!entry.dirty) continue;
      const [entity, recordId] = splitKey(key);
      dirty.push({ entity, recordId, state: entry.state, serial: entry.serial, deviceId: entry.createdBy, at, exists: entry.exists, metaOnly: entry.metaOnly });
    }
    await saveRecords(trx, dirty);
    await trx.updateTable('devices').set({ last_seq: lastSeq, last_seen_at: at }).where('id', '=', ctx.device.id).execute();
    if (lastSerial !== meta.lastSerial) await storeLastSerial(trx, lastSerial, ctx.now);
    return { lastSeq, results };
  });
  // On SQLite, the pages an erasure freed were zeroed (secure_delete); the WAL that still held
  // them is copied back and truncated. (PostgreSQL: see docs/data-protection.md.)
  if (ctx.dialect === 'sqlite' && changes.some((c) => c.entity === 'erasure')) await sql`pragma wal_checkpoint(TRUNCATE)`.execute(ctx.db);
  return response;
}

/** Room for the largest change the portal accepts, and what travels around its fields. */
const KEPT_COPY_MAX_BYTES = SYNC_LIMITS.fieldsJsonBytes + 4_096;
const KEPT_FIELD_NAMES = 64;

/**
 * The portal's copy of a rejected change: whole when it is of a size the portal accepts, so
 * that someone can look at it; otherwise what it was and how big, without its values, so that
 * a device sending megabytes of refused changes cannot fill the database.
 */
function keptCopy(change: Change): string {
  const whole = JSON.stringify(change);
  if (Buffer.byteLength(whole, 'utf8') <= KEPT_COPY_MAX_BYTES) return whole;
  const names = Object.keys(change.fields);
  return JSON.stringify({
    ...change,
    fields: null,
    omitted: { bytes: jsonBytes(change.fields), fieldCount: names.length, fieldNames: names.slice(0, KEPT_FIELD_NAMES) },
  });
}

/** `serials`: how many change-log positions the change used (an erasure uses one per record it wipes). */
type ChangeOutcome =
  | { status: 'rejected'; result: Result; reason: PortalErrorBody; serials: 0 }
  | { status: 'applied' | 'conflict'; result: Result; serials: number };

function reject(seq: number, reason: PortalErrorBody): ChangeOutcome {
  return { status: 'rejected', result: { seq, status: 'rejected', reason }, reason, serials: 0 };
}

/** A record as the batch left it so far. `serial` 0 until a change in this batch applies to it. */
interface CachedRecord {
  state: MergeState;
  exists: boolean;
  dirty: boolean;
  /** Only the per-field metadata changed: the record keeps its serial and revision. */
  metaOnly?: boolean;
  serial: number;
  createdBy: string;
}
type RecordCache = Map<string, CachedRecord>;

function splitKey(key: string): [string, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at), key.slice(at + 1)];
}

async function applyChange(
  trx: Transaction<PortalDatabase>,
  ctx: PushContext,
  records: RecordCache,
  change: Change,
  serial: number,
  erased: ErasedIndex,
): Promise<ChangeOutcome> {
  const entity: string = change.entity;
  if (!canPush(ctx.device.role, entity)) {
    return reject(change.seq, { code: 'entity_not_allowed', message: `This device may not write ${entity} records.` });
  }
  // Depth first: measuring the size walks the value, and must never meet a depth it cannot walk.
  if (jsonDepthExceeds(change.fields, SYNC_LIMITS.fieldsDepth)) {
    return reject(change.seq, { code: 'too_large', message: `A change's fields may not nest more than ${SYNC_LIMITS.fieldsDepth} levels.` });
  }
  if (jsonBytes(change.fields) > SYNC_LIMITS.fieldsJsonBytes) {
    return reject(change.seq, { code: 'too_large', message: `A change's fields may not exceed ${SYNC_LIMITS.fieldsJsonBytes} bytes.` });
  }
  const schemas = syncEntitySchemas[change.entity];
  const parsedFields = schemas.change.safeParse(change.fields);
  if (!parsedFields.success) {
    return reject(change.seq, { code: 'validation', message: 'Some fields are not valid.', fields: fieldsFromIssues(parsedFields.error.issues) });
  }

  const key = recordKey(change.entity, change.recordId);
  const cached = records.get(key);
  // Written once (a published version): the same values again are a replay, anything else is refused.
  if (cached && immutableEntities.has(change.entity)) {
    const changed = Object.entries(parsedFields.data as Record<string, unknown>).some(([field, value]) => !sameValue(cached.state.fields[field], value));
    if (changed) return reject(change.seq, { code: 'immutable', message: `A ${change.entity} record is written once and never changed.`, fields: { recordId: 'validation.versionImmutable' } });
    return { status: 'applied', result: { seq: change.seq, status: 'applied', revision: cached.state.revision }, serials: 0 };
  }
  if (change.entity === 'erasure') {
    // Write-once: the first erasure of a subject stays as it came.
    if (cached) return { status: 'applied', result: { seq: change.seq, status: 'applied', revision: cached.state.revision }, serials: 0 };
    const refused = refuseTargets(parsedFields.data as ErasureRecord);
    if (refused) return reject(change.seq, refused);
  }
  const outcome = mergeChange(cached ? cached.state : null, {
    deviceId: ctx.device.id,
    // Normalised to milliseconds so that string order is time order in the tie-break.
    capturedAt: new Date(change.capturedAt).toISOString(),
    baseRevision: change.baseRevision,
    fields: parsedFields.data,
    resolves: change.resolves,
  });
  if (!outcome.changed) {
    if (outcome.metaChanged && cached) {
      cached.state = outcome.state;
      if (!cached.dirty) Object.assign(cached, { dirty: true, metaOnly: true });
    }
    return { status: 'applied', result: { seq: change.seq, status: 'applied', revision: cached?.state.revision ?? 0 }, serials: 0 };
  }

  const whole = schemas.record.safeParse(outcome.state.fields);
  if (!whole.success) {
    return reject(change.seq, {
      code: 'validation',
      message: cached ? 'The record would not be valid after this change.' : 'A new record must carry every field.',
      fields: fieldsFromIssues(whole.error.issues),
    });
  }
  for (const sha256 of attachmentReferences[change.entity](outcome.state.fields)) {
    const attachment = await trx.selectFrom('attachments').select('complete').where('sha256', '=', sha256).executeTakeFirst();
    if (attachment?.complete !== 1) {
      return reject(change.seq, { code: 'attachment_missing', message: `Attachment ${sha256} is not on the portal.` });
    }
  }

  if (cached) Object.assign(cached, { state: outcome.state, dirty: true, metaOnly: false, serial });
  else records.set(key, { state: outcome.state, exists: false, dirty: true, metaOnly: false, serial, createdBy: ctx.device.id });
  const wiped = change.entity === 'erasure' ? await applyErasure(trx, ctx, records, change, serial, erased) : 0;
  const status = outcome.conflicted ? 'conflict' : 'applied';
  return { status, result: { seq: change.seq, status, revision: outcome.state.revision }, serials: 1 + wiped };
}

/**
 * Wipes the records an erasure names (held in this batch or stored), each at its own serial
 * after the erasure's, and remembers them (erasure.ts). Returns how many records it wiped.
 */
async function applyErasure(trx: Transaction<PortalDatabase>, ctx: PushContext, records: RecordCache, change: Change, serial: number, erased: ErasedIndex): Promise<number> {
  const erasure = change.fields as ErasureRecord;
  const write = { deviceId: ctx.device.id, capturedAt: new Date(change.capturedAt).toISOString() };
  let wiped = 0;
  const missing = erasure.targets.filter((t) => !records.has(recordKey(t.entity, t.recordId)));
  for (const [key, row] of await findRecords(trx, missing.map((t) => ({ entity: t.entity, recordId: t.recordId })))) {
    records.set(key, { state: toMergeState(row), exists: true, dirty: false, serial: 0, createdBy: row.created_by_device });
  }
  for (const target of erasure.targets) {
    const entry = records.get(recordKey(target.entity, target.recordId));
    if (!entry) continue;
    wiped++;
    Object.assign(entry, { state: wipeState(entry.state, target.fields, write), dirty: true, metaOnly: false, serial: serial + wiped });
  }
  await recordErasure(trx, erased, change.recordId, erasure, ctx.now.toISOString());
  return wiped;
}
