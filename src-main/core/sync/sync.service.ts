/**
 * The app's sync commands: status for the quiet indicator, run now, enrol with the operator's
 * one-time code, the rejected list and the conflicts a person resolves.
 */
import type { CommandParsedInput, SyncStatus } from '#shared/contract.js';
import { fail, ok, type Result } from '#shared/result.js';
import { syncEntitySchemas } from '#shared/sync/entities.js';
import type { SyncEntity } from '#shared/sync/protocol.schema.js';
import type { RecordLabel, RejectedChange, SyncConflict } from '#shared/sync/sync-commands.schema.js';
import type { ServiceDeps } from '../deps.js';
import { syncedTables } from '../synced-tables.js';
import type { AnyCodec } from '../store/codec.js';
import { countPendingOutbox, countRejected, listRejected } from '../store/outbox.js';
import { writeChosenValue } from '../store/sync-writes.js';
import { findSyncedRow } from '../store/synced-write.js';
import type { PortalHttp } from './portal-http.js';
import type { SecretStore } from './secret-store.js';
import type { SyncEngine } from './sync-engine.js';
import { countConflicts, deleteConflict, getMeta, META, setMeta } from './sync.repository.js';

export interface SyncServiceDeps extends ServiceDeps {
  engine: SyncEngine;
  secrets: SecretStore;
  httpFor: (portalUrl: string) => PortalHttp;
  appVersion: string;
}

export function createSyncService(deps: SyncServiceDeps) {
  const { db, engine, secrets } = deps;

  /** How a person recognises the record, from its codec; a record gone from this device shows its id. */
  async function recordLabel(entity: SyncEntity, recordId: string): Promise<RecordLabel> {
    const codec: AnyCodec = syncedTables[entity];
    const row = await findSyncedRow(db, codec, recordId);
    return row ? codec.label(codec.toRecord(row)) : { key: 'syncCenter.records.missing', values: { id: recordId } };
  }

  async function status(): Promise<Result<SyncStatus>> {
    const [pending, rejected, conflicts, lastSyncedAt, portalUrl, lastError, token] = await Promise.all([
      countPendingOutbox(db),
      countRejected(db),
      countConflicts(db),
      getMeta(db, META.lastSyncedAt),
      getMeta(db, META.portalUrl),
      getMeta(db, META.lastError),
      secrets.read(),
    ]);
    const state = engine.state();
    const enrolled = Boolean(token && portalUrl);
    return ok({
      pending,
      rejected,
      conflicts,
      lastSyncedAt,
      enrolled,
      phase: enrolled ? state.phase : state.phase === 'revoked' ? 'revoked' : 'not_enrolled',
      portalUrl,
      progress: state.progress,
      lastError: lastError ? (JSON.parse(lastError) as SyncStatus['lastError']) : null,
      nextRunAt: state.nextRunAt,
    });
  }

  return {
    status,

    async now(): Promise<Result<SyncStatus>> {
      await engine.syncNow();
      return status();
    },

    async enrol({ portalUrl, code, deviceName }: CommandParsedInput<'sync:enrol'>): Promise<Result<SyncStatus>> {
      let deviceId = await getMeta(db, META.deviceId);
      if (!deviceId) {
        deviceId = deps.newId();
        await setMeta(db, META.deviceId, deviceId);
      }
      const answer = await deps.httpFor(portalUrl).enrol({ code, deviceId, deviceName, appVersion: deps.appVersion });
      if (answer.kind === 'retry') return fail('unavailable', `The portal could not be reached (${answer.reason})`);
      if (answer.kind !== 'ok') {
        return fail('validation', 'The portal refused the enrolment code', { code: 'validation.enrolmentCodeRefused' });
      }
      await secrets.write(answer.value.token);
      await db.transaction().execute(async (trx) => {
        await setMeta(trx, META.portalUrl, portalUrl.replace(/\/+$/, ''));
        await setMeta(trx, META.role, answer.value.role);
        await setMeta(trx, META.epoch, answer.value.epoch);
        await setMeta(trx, META.lastError, null);
      });
      engine.kick();
      deps.emit('sync:changed', {});
      return status();
    },

    async rejected(): Promise<Result<RejectedChange[]>> {
      const out: RejectedChange[] = [];
      for (const change of await listRejected(db)) out.push({ ...change, label: await recordLabel(change.entity, change.recordId) });
      return ok(out);
    },

    async conflicts(): Promise<Result<SyncConflict[]>> {
      const rows = await db.selectFrom('sync_conflicts').selectAll().orderBy('record_id').orderBy('field').execute();
      const out: SyncConflict[] = [];
      for (const row of rows) {
        out.push({
          entity: row.entity,
          recordId: row.record_id,
          field: row.field,
          candidates: JSON.parse(row.candidates) as SyncConflict['candidates'],
          winner: row.winner,
          label: await recordLabel(row.entity, row.record_id),
        });
      }
      return ok(out);
    },

    async resolve({ entity, recordId, field, choice }: CommandParsedInput<'sync:resolve'>): Promise<Result<SyncStatus>> {
      const conflict = await db
        .selectFrom('sync_conflicts')
        .selectAll()
        .where('entity', '=', entity)
        .where('record_id', '=', recordId)
        .where('field', '=', field)
        .executeTakeFirst();
      if (!conflict) return fail('not_found', 'No such conflict');
      const candidates = JSON.parse(conflict.candidates) as SyncConflict['candidates'];
      const chosen = candidates[choice];
      if (!chosen) return fail('validation', 'No such value', { choice: 'validation.invalid' });
      const checked = syncEntitySchemas[entity].change.safeParse({ [field]: chosen.value });
      if (!checked.success) return fail('validation', 'The chosen value is no longer valid', { [field]: 'validation.invalid' });
      const written = await db.transaction().execute(async (trx) => {
        const done = await writeChosenValue(trx, syncedTables[entity], recordId, field, chosen.value, deps.now().toISOString(), deps.newId);
        if (done) await deleteConflict(trx, entity, recordId, field);
        return done;
      });
      if (!written) return fail('not_found', 'The record is gone');
      deps.emit(syncedTables[entity].changedEvent, { id: recordId });
      deps.emit('sync:changed', {});
      return status();
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
