/**
 * The portal database as Kysely sees it, on SQLite and PostgreSQL alike. JSON columns are
 * text; booleans are 0/1 integers; bigint columns come back as strings from PostgreSQL, so
 * they are typed `number | string` on read and go through `toNumber` in the repositories.
 */
import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

/** A bigint column: written as a number, read as a number (SQLite) or a string (pg). */
export type BigIntColumn = ColumnType<number | string, number, number>;

export interface PortalMetaTable {
  id: number;
  /** 16 hex characters naming this life of the database; a restore makes a new one. */
  epoch: string;
  last_serial: BigIntColumn;
  updated_at: string;
}

export interface EnrolmentCodesTable {
  /** SHA-256 (hex) of the normalised code; the code itself is never stored. */
  hash: string;
  role: 'field' | 'lab';
  name: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by_device: string | null;
}

export interface DevicesTable {
  id: string;
  name: string;
  role: 'field' | 'lab';
  /** SHA-256 (hex) of the bearer token. */
  token_hash: string;
  last_seq: BigIntColumn;
  app_version: string;
  enrolled_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
}

export interface RecordsTable {
  entity: string;
  record_id: string;
  revision: number;
  /** The serial of the record's latest change: where pull finds it. */
  serial: BigIntColumn;
  /** JSON: the whole record after merging. */
  fields: string;
  /** JSON: { field: { rev, deviceId, capturedAt } } of each field's current value. */
  field_meta: string;
  /** JSON: the open same-field conflicts (see src-portal/merge.ts). */
  conflicts: string;
  flagged: number;
  created_by_device: string;
  created_at: string;
  updated_at: string;
}

export interface RejectedChangesTable {
  id: string;
  device_id: string;
  seq: BigIntColumn;
  change_id: string;
  entity: string;
  record_id: string;
  /** JSON: the change as it arrived. */
  change: string;
  /** JSON: { code, message, fields? } as answered to the device. */
  reason: string;
  received_at: string;
}

export interface AttachmentsTable {
  sha256: string;
  size: BigIntColumn;
  received: BigIntColumn;
  complete: number;
  /** File name under the portal's attachments folder. */
  path: string;
  uploaded_by_device: string;
  created_at: string;
  completed_at: string | null;
}

/** A record an erasure wiped, and the fields it wiped: later changes have them set to null. */
export interface ErasedRecordsTable {
  entity: string;
  record_id: string;
  /** JSON array of field names. */
  fields: string;
  erasure_id: string;
  erased_at: string;
}

export interface PortalDatabase {
  portal_meta: PortalMetaTable;
  enrolment_codes: EnrolmentCodesTable;
  devices: DevicesTable;
  records: RecordsTable;
  rejected_changes: RejectedChangesTable;
  attachments: AttachmentsTable;
  erased_records: ErasedRecordsTable;
}

export type DeviceRow = Selectable<DevicesTable>;
export type NewDevice = Insertable<DevicesTable>;
export type DeviceUpdate = Updateable<DevicesTable>;
export type RecordRow = Selectable<RecordsTable>;
export type NewRecord = Insertable<RecordsTable>;
export type AttachmentRow = Selectable<AttachmentsTable>;
