/**
 * Photos and scans, stored by content. The bytes go to `attachments/<aa>/<sha256>`, encrypted
 * (file-cipher.ts: written to a temporary name, synced, then renamed, so a flat battery never
 * leaves half a file under a real name); the row says what it is and whether the portal has it.
 * The same photo added twice is one file: the name is the SHA-256 of the plain bytes, as the
 * portal checks it, so sync and dedup do not depend on the encryption.
 * The size limit and the accepted media types are the shared ones (src-shared/proposals/proposal.schema.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.js';
import { writeEncryptedFile } from './file-cipher.js';

export function attachmentPath(attachmentsDir: string, sha256: string): string {
  return join(attachmentsDir, sha256.slice(0, 2), sha256);
}

export async function storeAttachment(
  db: Kysely<Database>,
  attachmentsDir: string,
  /** The attachment key (file-cipher.ts `attachmentKeyFrom`). */
  key: Buffer,
  bytes: Uint8Array,
  mediaType: string,
  now: string,
): Promise<{ sha256: string; size: number }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = attachmentPath(attachmentsDir, sha256);
  if (!existsSync(path)) {
    mkdirSync(join(attachmentsDir, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
    writeEncryptedFile(path, key, bytes);
  }
  await db
    .insertInto('attachments')
    .values({ sha256, size: bytes.length, media_type: mediaType, created_at: now, uploaded_at: null })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return { sha256, size: bytes.length };
}

export async function attachmentsToUpload(db: Kysely<Database>) {
  return db.selectFrom('attachments').selectAll().where('uploaded_at', 'is', null).orderBy('created_at').execute();
}

export async function markUploaded(db: Kysely<Database>, sha256: string, at: string): Promise<void> {
  await db.updateTable('attachments').set({ uploaded_at: at }).where('sha256', '=', sha256).execute();
}
