/**
 * Enrolment: the operator makes a one-time, expiring code (CLI); a device exchanges it for a
 * bearer token. Only hashes are stored. Wrong, used and expired codes get the same answer so
 * that a code cannot be probed.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '#db/portal/schema.js';
import {
  PROTOCOL_VERSION,
  type DeviceRole,
  type EnrolRequest,
  type EnrolResponse,
} from '#shared/sync/protocol.schema.js';
import { newDeviceToken, sha256Hex } from './auth.js';
import { toNumber } from './database.js';
import { PortalError } from './errors.js';
import { ensurePortalMeta } from './portal-meta.js';

/** 32 symbols without 0/O/1/I, so one random byte masked to 5 bits picks one with no bias. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newEnrolmentCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b & 31]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((g) => g.join('')).join('-');
}

export interface CreateCodeInput {
  name: string;
  role: DeviceRole;
  ttlHours: number;
}

export async function createEnrolmentCode(
  db: Kysely<PortalDatabase>,
  input: CreateCodeInput,
  now: Date,
): Promise<{ code: string; expiresAt: string }> {
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + input.ttlHours * 3_600_000).toISOString();
  await db
    .insertInto('enrolment_codes')
    .values({ hash: sha256Hex(code), role: input.role, name: input.name, created_at: now.toISOString(), expires_at: expiresAt, used_at: null, used_by_device: null })
    .execute();
  return { code, expiresAt };
}

const invalidCode = () =>
  new PortalError(400, 'enrolment_code_invalid', 'This enrolment code is not valid: ask the operator for a new one.');

export async function enrolDevice(db: Kysely<PortalDatabase>, request: EnrolRequest, now: Date): Promise<EnrolResponse> {
  const token = newDeviceToken();
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    // Claiming the code is one conditional update, so two devices racing for it cannot both win.
    const claimed = await trx
      .updateTable('enrolment_codes')
      .set({ used_at: at, used_by_device: request.deviceId })
      .where('hash', '=', sha256Hex(request.code))
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .returning(['role', 'name'])
      .executeTakeFirst();
    if (!claimed) throw invalidCode();

    const existing = await trx.selectFrom('devices').select(['id', 'last_seq']).where('id', '=', request.deviceId).executeTakeFirst();
    if (existing) {
      // Re-enrolling keeps the device's lastSeq, so its kept outbox resumes where it was.
      await trx
        .updateTable('devices')
        .set({ name: claimed.name, role: claimed.role, token_hash: sha256Hex(token), app_version: request.appVersion, revoked_at: null, last_seen_at: at })
        .where('id', '=', request.deviceId)
        .execute();
    } else {
      await trx
        .insertInto('devices')
        .values({ id: request.deviceId, name: claimed.name, role: claimed.role, token_hash: sha256Hex(token), last_seq: 0, app_version: request.appVersion, enrolled_at: at, last_seen_at: at, revoked_at: null })
        .execute();
    }
    const meta = await ensurePortalMeta(trx, now);
    return { deviceId: request.deviceId, token, role: claimed.role, epoch: meta.epoch, protocolVersion: PROTOCOL_VERSION };
  });
}

export interface DeviceListing {
  id: string;
  name: string;
  role: DeviceRole;
  enrolledAt: string;
  lastSeenAt: string | null;
  lastSeq: number;
  revokedAt: string | null;
}

export async function listDevices(db: Kysely<PortalDatabase>): Promise<DeviceListing[]> {
  const rows = await db.selectFrom('devices').selectAll().orderBy('enrolled_at').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    enrolledAt: r.enrolled_at,
    lastSeenAt: r.last_seen_at,
    lastSeq: toNumber(r.last_seq),
    revokedAt: r.revoked_at,
  }));
}

/** Revokes a device; its data stays. Returns false when no such device exists. */
export async function revokeDevice(db: Kysely<PortalDatabase>, deviceId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('devices')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', deviceId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows > 0n) return true;
  return (await db.selectFrom('devices').select('id').where('id', '=', deviceId).executeTakeFirst()) !== undefined;
}
