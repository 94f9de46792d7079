/**
 * Photos and scans (post-it walls, drawings, sign-in sheets) kept on the device by content:
 * the file lives at attachments/<first two hex>/<sha256>; this table says what it is and
 * whether the portal has it whole. Frozen in time: imports no application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attachments')
    .addColumn('sha256', 'text', (c) => c.primaryKey().check(sql`length(sha256) = 64`))
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size > 0`))
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    /** When the portal confirmed it holds the whole file (hash checked there); null until then. */
    .addColumn('uploaded_at', 'text')
    .modifyEnd(sql` strict`)
    .execute();
  await db.schema.createIndex('attachments_to_upload').on('attachments').columns(['uploaded_at', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attachments').execute();
}
