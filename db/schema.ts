/**
 * The local database as Kysely sees it. Nullable columns are `T | null`; JSON columns are
 * text; booleans are 0/1 integers (STRICT tables have no boolean type).
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface WorkshopsTable {
  id: string;
  kind: string;
  title: string;
  /** normalizeForSearch(title): lower-case, accents and punctuation removed. */
  title_search: string;
  description: string;
  starts_at: string;
  ends_at: string;
  venue_name: string;
  venue_address: string;
  arrondissement: number;
  in_qpv: number;
  capacity: number | null;
  /** JSON array of { name, type }. */
  partners: string;
  /** JSON array of names. */
  facilitators: string;
  status: string;
  minutes: string | null;
  cancel_reason: string | null;
  closed_at: string | null;
  cancelled_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  deleted_at: string | null;
  /** The portal revision this local copy is based on (0: never seen from the portal). */
  synced_revision: ColumnType<number, number | undefined, number>;
}

/**
 * One row per change of a synced table, written in the same transaction as the change.
 * `seq` is the device's increasing sequence number that the portal acknowledges.
 */
export interface OutboxTable {
  seq: Generated<number>;
  change_id: string;
  entity: string;
  record_id: string;
  op: 'create' | 'update' | 'delete';
  /** The record's version this change was based on (null for a create). */
  base_version: number | null;
  version: number;
  /** JSON object of the fields this change set, with their new values. */
  payload: string;
  created_at: string;
  /** 'pending' until acknowledged; 'rejected' when the portal refused it (with `rejection`). */
  state: ColumnType<'pending' | 'rejected', 'pending' | 'rejected' | undefined, 'pending' | 'rejected'>;
  rejection: string | null;
  /** The portal revision of the record when this change was made (the merge's base). */
  base_revision: ColumnType<number, number | undefined, number>;
  /** JSON array of fields whose conflict this change settles, or null. */
  resolves: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A same-field conflict the portal flagged, until a person chooses a value. */
export interface SyncConflictsTable {
  entity: string;
  record_id: string;
  field: string;
  /** JSON array of { value, deviceId, capturedAt }. */
  candidates: string;
  winner: number;
  revision: number;
}

/** Small key/value facts about this device (its id, sync cursor…). */
export interface DeviceMetaTable {
  key: string;
  value: string;
}

/** A photo or scan stored by content (SHA-256) in the data folder's attachments/. */
export interface AttachmentsTable {
  sha256: string;
  size: number;
  media_type: string;
  created_at: string;
  uploaded_at: string | null;
}

export interface Database {
  workshops: WorkshopsTable;
  outbox: OutboxTable;
  device_meta: DeviceMetaTable;
  sync_conflicts: SyncConflictsTable;
  attachments: AttachmentsTable;
}

export type WorkshopRow = Selectable<WorkshopsTable>;
export type NewWorkshopRow = Insertable<WorkshopsTable>;
export type WorkshopRowUpdate = Updateable<WorkshopsTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxRow = Insertable<OutboxTable>;
