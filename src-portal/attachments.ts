/**
 * Attachments (photos of post-it walls, scanned sign-in sheets): content-addressed by SHA-256,
 * uploaded in chunks that can resume after a cut, verified by hash when the last byte lands.
 * Bytes live in files under the attachments folder; the database keeps the progress.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '#db/portal/schema.js';
import { toNumber } from './database.js';
import { PortalError } from './errors.js';

export const ATTACHMENT_CHUNK_MAX = 4 * 1024 * 1024;

export interface AttachmentStatus {
  sha256: string;
  size: number;
  received: number;
  complete: boolean;
}

export interface AttachmentStore {
  status(sha256: string): Promise<AttachmentStatus | undefined>;
  append(input: AppendInput): Promise<AttachmentStatus>;
}

export interface AppendInput {
  sha256: string;
  offset: number;
  length: number;
  chunk: Buffer;
  deviceId: string;
  now: Date;
}

export function createAttachmentStore(db: Kysely<PortalDatabase>, dir: string, maxBytes: number): AttachmentStore {
  // One upload per hash at a time in this process; the conditional update below catches others.
  const busy = new Map<string, Promise<unknown>>();

  async function status(sha256: string): Promise<AttachmentStatus | undefined> {
    const row = await db.selectFrom('attachments').selectAll().where('sha256', '=', sha256).executeTakeFirst();
    if (!row) return undefined;
    return { sha256, size: toNumber(row.size), received: toNumber(row.received), complete: row.complete === 1 };
  }

  async function appendNow(input: AppendInput): Promise<AttachmentStatus> {
    const { sha256, offset, length, chunk } = input;
    if (length > maxBytes) throw new PortalError(413, 'payload_too_large', `An attachment may not exceed ${maxBytes} bytes.`);
    let current = await status(sha256);
    if (current?.complete) return current;
    if (current && current.size !== length) {
      throw new PortalError(400, 'invalid_request', 'upload-length differs from the upload in progress.', { fields: { 'upload-length': 'validation.invalid' } });
    }
    const received = current?.received ?? 0;
    if (offset !== received) {
      throw new PortalError(409, 'offset_mismatch', `The portal holds ${received} bytes of this attachment.`, { offset: received });
    }
    if (offset + chunk.length > length) {
      throw new PortalError(400, 'invalid_request', 'The chunk goes past upload-length.', { fields: { 'upload-length': 'validation.invalid' } });
    }
    const at = input.now.toISOString();
    if (!current) {
      await db
        .insertInto('attachments')
        .values({ sha256, size: length, received: 0, complete: 0, path: sha256, uploaded_by_device: input.deviceId, created_at: at, completed_at: null })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      current = { sha256, size: length, received: 0, complete: false };
    }

    await mkdir(dir, { recursive: true });
    const partPath = join(dir, `${sha256}.part`);
    const file = await open(partPath, offset === 0 ? 'w' : 'r+');
    try {
      await file.write(chunk, 0, chunk.length, offset);
      // The offset we acknowledge must survive a power cut.
      await file.datasync();
    } finally {
      await file.close();
    }
    const nowReceived = offset + chunk.length;
    const moved = await db
      .updateTable('attachments')
      .set({ received: nowReceived })
      .where('sha256', '=', sha256)
      .where('received', '=', offset)
      .executeTakeFirst();
    if (moved.numUpdatedRows === 0n) {
      const latest = await status(sha256);
      throw new PortalError(409, 'offset_mismatch', 'Another upload of this attachment moved on.', { offset: latest?.received ?? 0 });
    }
    if (nowReceived < length) return { sha256, size: length, received: nowReceived, complete: false };

    if ((await hashFile(partPath)) !== sha256) {
      // A corrupt upload is discarded whole, row and bytes: the announced length goes with it,
      // so the real file, whatever its length, starts again from byte 0 (HEAD answers 404).
      await rm(partPath, { force: true });
      // eslint-disable-next-line no-restricted-syntax -- upload progress, not a synced record
      await db.deleteFrom('attachments').where('sha256', '=', sha256).where('complete', '=', 0).execute();
      throw new PortalError(422, 'hash_mismatch', 'The uploaded bytes do not match their SHA-256; upload again.');
    }
    await rename(partPath, join(dir, sha256));
    await db.updateTable('attachments').set({ complete: 1, completed_at: at }).where('sha256', '=', sha256).execute();
    return { sha256, size: length, received: length, complete: true };
  }

  async function append(input: AppendInput): Promise<AttachmentStatus> {
    while (busy.has(input.sha256)) await busy.get(input.sha256)?.catch(() => undefined);
    const work = appendNow(input);
    busy.set(input.sha256, work);
    try {
      return await work;
    } finally {
      busy.delete(input.sha256);
    }
  }

  return { status, append };
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
