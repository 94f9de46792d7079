/**
 * Device authentication: `Authorization: Bearer <token>`, where the portal keeps only the
 * token's SHA-256. A revoked device is told so (401 device_revoked), an unknown token is not
 * told anything more than 401 unauthorized.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '#db/portal/schema.js';
import type { DeviceRole } from '#shared/sync/protocol.schema.js';
import { PortalError } from './errors.js';

export interface AuthenticatedDevice {
  id: string;
  role: DeviceRole;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook on every `/v1/` route but enrolment. */
    device: AuthenticatedDevice | null;
  }
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** 32 random bytes, base64url: shown once to the device, stored only as a hash. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Last-seen times are coarse on purpose: a write per request would cost more than it tells. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export async function authenticate(
  db: Kysely<PortalDatabase>,
  request: FastifyRequest,
  now: Date,
): Promise<AuthenticatedDevice> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header) : null;
  if (!match?.[1]) throw new PortalError(401, 'unauthorized', 'A device token is required.');
  const hash = sha256Hex(match[1]);
  const row = await db
    .selectFrom('devices')
    .select(['id', 'role', 'token_hash', 'revoked_at', 'last_seen_at'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  // The lookup is by hash already; the constant-time comparison keeps it that way if the
  // lookup ever becomes a prefix or case-insensitive match.
  if (!row || !timingSafeEqual(Buffer.from(row.token_hash, 'hex'), Buffer.from(hash, 'hex'))) {
    throw new PortalError(401, 'unauthorized', 'Unknown device token.');
  }
  if (row.revoked_at !== null) {
    throw new PortalError(401, 'device_revoked', 'This device was disconnected from the portal; enrol it again.');
  }
  if (row.last_seen_at === null || now.getTime() - Date.parse(row.last_seen_at) > LAST_SEEN_RESOLUTION_MS) {
    await db.updateTable('devices').set({ last_seen_at: now.toISOString() }).where('id', '=', row.id).execute();
  }
  return { id: row.id, role: row.role };
}
