/**
 * The sync adapters of the attendance record kinds (spread into core/sync/synced-entities.ts).
 * Labels name what a person recognises in a list of rejected changes, without leaking more
 * personal data than the screen already shows.
 */
import { attendanceTables, columnsOf, snapshotOf, type AttendanceEntity } from './attendance.codecs.js';

/** The shape of core/sync/synced-entities.ts's adapter (not imported, so the two files do not import each other). */
interface AttendanceAdapter {
  entity: AttendanceEntity;
  table: (typeof attendanceTables)[AttendanceEntity];
  changedEvent: 'attendance:changed';
  snapshot(row: Record<string, unknown>): Record<string, unknown>;
  columns(fields: Record<string, unknown>, keepLocal?: ReadonlySet<string>): Record<string, unknown>;
  label(row: Record<string, unknown>): string;
}

function adapter(entity: AttendanceEntity, label: (row: Record<string, unknown>) => string): AttendanceAdapter {
  return {
    entity,
    table: attendanceTables[entity],
    changedEvent: 'attendance:changed',
    snapshot: (row) => snapshotOf(entity, row),
    columns: (fields, keepLocal) => columnsOf(entity, fields, keepLocal),
    label,
  };
}

export const attendanceSyncAdapters = {
  person: adapter('person', (row) => String(row.name ?? row.email ?? row.id)),
  profile: adapter('profile', (row) => `profile ${String(row.id).slice(0, 8)}`),
  attendance: adapter('attendance', (row) => `attendance ${String(row.id).slice(0, 8)} (${String(row.status)})`),
  consent: adapter('consent', (row) => `consent ${String(row.purpose)} ${String(row.text_version)}`),
  head_count: adapter('head_count', (row) => `head count ${Number(row.delta) > 0 ? '+' : ''}${String(row.delta)}`),
} as const satisfies Record<AttendanceEntity, AttendanceAdapter>;
