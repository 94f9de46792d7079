/**
 * How the rights' records are held and travel (src-shared/people/rights-records.schema.ts).
 * An erasure holds no personal data: its label shows the kind and a short id, never a name.
 */
import type { ErasureReason, ErasureRecord, ErasureTarget, LabSettingsRecord } from '#shared/people/rights-records.schema.js';
import type { SyncEntity } from '#shared/sync/protocol.schema.js';
import { column, defineCodec, int, json, nullable, text, type Stored } from '../store/codec.js';

export const erasureCodec = defineCodec<Stored<ErasureRecord>, 'erasures'>()({
  entity: 'erasure',
  table: 'erasures',
  changedEvent: 'people:changed',
  fields: {
    subjectEntity: column('subject_entity', text<SyncEntity>()),
    targets: column('targets', json<ErasureTarget[]>()),
    reason: column('reason', text<ErasureReason>()),
    erasedAt: column('erased_at', text()),
    erasedBy: column('erased_by', nullable(text())),
  },
  local: ['id', 'version'],
  label: (e) => ({ key: 'syncCenter.records.erasure', values: { id: e.id.slice(0, 8), reason: e.reason } }),
});

export const labSettingsCodec = defineCodec<Stored<LabSettingsRecord>, 'lab_settings'>()({
  entity: 'lab_settings',
  table: 'lab_settings',
  changedEvent: 'people:changed',
  fields: {
    identityRetentionMonths: column('identity_retention_months', int),
  },
  local: ['id', 'version'],
  label: (s) => ({ key: 'syncCenter.records.lab_settings', values: { months: s.identityRetentionMonths } }),
});
