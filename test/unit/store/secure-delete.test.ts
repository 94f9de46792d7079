/**
 * Every connection the core opens has `secure_delete` on (issue 9): what a deletion frees is
 * overwritten with zeros in the WAL and, once checkpointed, in the database file. Checked on a
 * plain file, where a byte left behind would be readable (the encrypted one is random anyway).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '#core/store/open-database.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('secure_delete', () => {
  it('is on for every connection, and a deleted row leaves no byte of itself in the file or the WAL', async () => {
    dir = mkdtempSync(join(tmpdir(), 'atelier-secure-delete-'));
    const file = join(dir, 'atelier.sqlite');
    const opened = openDatabase(file, null);
    const sqlite = opened.sqlite;
    expect(sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    const marker = 'Yasmina Haddad-Lefèvre, 12 rue Myrha';
    sqlite.exec('create table t (id integer primary key, text text)');
    const insert = sqlite.prepare('insert into t (text) values (?)');
    for (let i = 0; i < 50; i++) insert.run(`${marker} #${i}`);
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(file).includes(Buffer.from(marker))).toBe(true);
    sqlite.exec('delete from t');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(file).includes(Buffer.from(marker))).toBe(false);
    expect(readFileSync(`${file}-wal`).includes(Buffer.from(marker))).toBe(false);
    await opened.db.destroy();
  });
});
