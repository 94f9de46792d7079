/**
 * A data folder left plain by an earlier version is encrypted in place at the first start:
 * the database (the write that was only in its WAL included), every backup and every photo;
 * a backup first; nothing plain left; files readable by the user only.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataDirLayout } from '#core/data-dir.js';
import { attachmentKeyFrom, readEncryptedFile } from '#core/store/file-cipher.js';
import { checkBackup, listBackups } from '#core/store/backup.js';
import { dataFolderKey, openDataFolder } from '#test/support/vault.js';
import { filesUnder, foundInClear, isPlainSqliteFile, openToOthers } from '#test/support/in-clear.js';
import { KNOWN, writePlainDataFolder } from '#test/support/plain-folder.js';
import { openVaultCore, setupInput, type VaultCore } from './vault-kit.js';

let kit: VaultCore;
afterEach(async () => kit?.close());

describe('a plain data folder of an earlier version', () => {
  it('is encrypted in place at the first start, a backup first, and nothing plain is left', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'atelier-plain-'));
    const plain = await writePlainDataFolder(dir);
    expect(foundInClear(dir, [KNOWN.name, KNOWN.email, KNOWN.card, KNOWN.walOnlyName, KNOWN.photoMarker]).length).toBeGreaterThan(4);

    kit = await openVaultCore({}, dir);
    expect(await kit.must('vault:status', {})).toMatchObject({ state: 'setup', plainData: true });
    await kit.must('vault:setup', setupInput());

    // The data is all there, the write that was only in the WAL too.
    const list = await kit.must('attendance:list', { workshopId: plain.workshopId });
    expect(list.items.map((i) => [i.name, i.email])).toEqual([[KNOWN.walOnlyName, KNOWN.email]]);
    const key = await dataFolderKey(dir);
    const layout = dataDirLayout(dir);
    expect(readEncryptedFile(join(layout.attachments, plain.photoSha256.slice(0, 2), plain.photoSha256), attachmentKeyFrom(key)).equals(plain.photo)).toBe(true);

    // The backup first: the encrypted copy taken before the plain database was touched; the old ones encrypted.
    const backups = listBackups(layout.backups);
    expect(backups.map((b) => b.kind).sort()).toEqual(['conversion', 'migration', 'migration']);
    for (const b of backups) expect(checkBackup(join(layout.backups, b.name), b.schemaVersion, key), b.name).toBeNull();
    const conversion = await openDataFolder(dir);
    // The holders' full-text index (an FTS5 table, made again rather than copied) finds the
    // person and kept its secure-delete setting.
    expect(conversion.prepare(`select count(*) from people_search where people_search match 'walonly'`).pluck().get()).toBe(1);
    expect(conversion.prepare(`select v from people_search_config where k = 'secure-delete'`).pluck().get()).toBe(1);
    conversion.close();

    await kit.core.close();
    // Nothing plain: no SQLite header in clear, none of the known data anywhere, no leftover.
    for (const file of filesUnder(dir)) expect(isPlainSqliteFile(file), file).toBe(false);
    expect(foundInClear(dir, [KNOWN.name, KNOWN.email, KNOWN.card, KNOWN.walOnlyName, KNOWN.photoMarker])).toEqual([]);
    expect(readdirSync(join(layout.attachments, plain.photoSha256.slice(0, 2)))).toEqual([plain.photoSha256]);
    expect(readdirSync(dir).filter((n) => /\.(encrypting|encrypted)$/.test(n))).toEqual([]);
    expect(openToOthers(dir)).toEqual([]);
    await kit.restart();
    expect(kit.logs.find((l) => l.msg === 'plain data folder encrypted')).toMatchObject({ database: true, backups: 2, attachments: 1 });
  });
});
