/**
 * Looking for personal values in a portal's database, on SQLite and PostgreSQL alike: every row
 * of every table, as text, through SQL (what the portal itself can read); and on SQLite, the raw
 * bytes of the database file and its WAL. Not a test file itself.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import type { RunningPortal } from '../portal/portal-harness.js';

export async function findInPortalDatabase(portal: RunningPortal, needles: readonly string[]): Promise<string[]> {
  const tables =
    portal.dialect === 'postgres'
      ? (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(portal.db)).rows
      : (await sql<{ name: string }>`select name from sqlite_schema where type = 'table' and name not like 'sqlite_%'`.execute(portal.db)).rows;
  const found: string[] = [];
  for (const { name } of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(portal.db)).rows;
    const text = JSON.stringify(rows);
    for (const needle of needles) if (text.includes(needle) || text.includes(JSON.stringify(needle).slice(1, -1))) found.push(`${name}: ${needle}`);
  }
  return found;
}

/** The portal's SQLite file, its WAL and its attachments (the harness keeps them in one folder). */
export function portalFiles(portal: RunningPortal): string[] {
  const dir = dirname(portal.attachmentsDir);
  const attachments = (existsSync(portal.attachmentsDir) ? readdirSync(portal.attachmentsDir, { recursive: true, withFileTypes: true }) : [])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  return [...readdirSync(dir).filter((n) => n.startsWith('portal.sqlite')).map((n) => join(dir, n)), ...attachments];
}

export function findInRawFiles(files: readonly string[], needles: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const needle of needles) if (bytes.includes(Buffer.from(needle, 'utf8'))) found.push(`${file}: ${needle}`);
  }
  return found;
}
