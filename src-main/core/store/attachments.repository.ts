/**
 * Photos and scans, stored by content. The bytes go to `attachments/<aa>/<sha256>` (written to a
 * temporary name, then renamed, so a flat battery never leaves half a file under a real name);
 * the row says what it is and whether the portal has it. The same photo added twice is one file.
 * The size limit and the accepted media types are the shared ones (src-shared/proposals/proposal.schema.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.js';

export function attachmentPath(attachmentsDir: string, sha256: string): string {
  return join(attachmentsDir, sha256.slice(0, 2), sha256);
}

export async function storeAttachment(
  db: Kysely<Database>,
  attachmentsDir: string,
  bytes: Uint8Array,
  mediaType: string,
  now: string,
): Promise<{ sha256: string; size: number }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = attachmentPath(attachmentsDir, sha256);
  if (!existsSync(path)) {
    mkdirSync(join(attachmentsDir, sha256.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes, { flush: true });
    renameSync(tmp, path);
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
