/**
 * The backups while the app runs and the restore command, end to end on a real data folder:
 * the daily backup taken by itself (encrypted like the database), kept DAILY_BACKUP_DAYS days;
 * a restore that asks for the passphrase again, keeps the data it replaces as a backup, puts the
 * backup in place and opens it; after a restart the restored records are what the app finds.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dataDirLayout } from '#core/data-dir.js';
import { DAILY_BACKUP_DAYS, listBackups } from '#core/store/backup.js';
import { foundInClear, isPlainSqliteFile } from '#test/support/in-clear.js';
import { workshopFields } from '../core/test-core.js';
import { openVaultCore, setupInput, unlockInput, type VaultCore } from './vault-kit.js';
import { TEST_PASSPHRASE } from '#test/support/vault.js';

let kit: VaultCore;
afterEach(async () => kit?.close());

async function until<T>(read: () => T | undefined | false, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const dailies = (dir: string) => listBackups(dataDirLayout(dir).backups).filter((b) => b.kind === 'daily');

describe('the daily backups', () => {
  it('are taken by themselves while the app runs, encrypted, one a day, kept 14 days', async () => {
    kit = await openVaultCore({ backupTiming: { checkMs: 15, firstMs: 5 } });
    await kit.must('vault:setup', setupInput());
    const workshop = await kit.must('workshops:create', workshopFields());
    await kit.must('attendance:register', { workshopId: workshop.id, person: { name: 'Mariam Koné', email: 'mariam.kone@example.org' }, recordedBy: 'Camille Martin' });

    const first = await until(() => dailies(kit.dataDir)[0]);
    const path = join(dataDirLayout(kit.dataDir).backups, first.name);
    expect(isPlainSqliteFile(path)).toBe(false);
    expect(foundInClear(dataDirLayout(kit.dataDir).backups, ['Mariam Koné', 'mariam.kone@example.org'])).toEqual([]);
    // Checked again and again the same day: still one.
    await new Promise((r) => setTimeout(r, 100));
    expect(dailies(kit.dataDir)).toHaveLength(1);

    // Twenty days of the app left running: one a day, the oldest gone after 14 days.
    const start = Date.parse('2026-03-14T17:00:00.000Z');
    for (let day = 1; day <= 20; day++) {
      kit.setNow(new Date(start + day * 86_400_000).toISOString());
      await until(() => dailies(kit.dataDir).some((b) => b.takenAt.startsWith(new Date(start + day * 86_400_000).toISOString().slice(0, 10))));
    }
    const kept = dailies(kit.dataDir);
    expect(kept.length).toBeLessThanOrEqual(DAILY_BACKUP_DAYS + 1);
    expect(kept.length).toBeGreaterThanOrEqual(DAILY_BACKUP_DAYS);
    expect(kept.map((b) => b.takenAt.slice(0, 10))).not.toContain('2026-03-14');
    expect(kit.logs.some((l) => l.msg === 'old backups removed')).toBe(true);
    expect(await kit.must('backups:list', {})).toMatchObject({ keptDays: DAILY_BACKUP_DAYS });
  });
});

describe('a restore', () => {
  it('asks for the passphrase, keeps the current data as a backup, and brings back the records of the backup, also after a restart', async () => {
    kit = await openVaultCore();
    await kit.must('vault:setup', setupInput());
    const before = await kit.must('workshops:create', workshopFields({ title: 'Avant la sauvegarde' }));
    await kit.must('attendance:register', { workshopId: before.id, person: { name: 'Mariam Koné' }, recordedBy: 'Camille Martin' });
    const backup = await kit.must('backups:now', {});
    expect(backup.kind).toBe('daily');
    const after = await kit.must('workshops:create', workshopFields({ title: 'Après la sauvegarde' }));

    expect(await kit.invoke('backups:restore', { name: backup.name, passphrase: 'pas la bonne phrase du tout' })).toMatchObject({ ok: false, error: { code: 'validation', fields: { passphrase: 'validation.passphraseWrong' } } });
    expect(await kit.invoke('backups:restore', { name: 'atelier-daily-2020-01-01T00-00-00-000Z-v1.sqlite', passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await kit.invoke('backups:restore', { name: '../atelier.sqlite', passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'validation' } });

    const restored = await kit.must('backups:restore', { name: backup.name, passphrase: TEST_PASSPHRASE });
    expect(restored.restored.name).toBe(backup.name);
    expect(restored.savedAs.kind).toBe('restore');
    const titles = async () => ((await kit.must('workshops:list', {})) as { items: { title: string }[] }).items.map((w) => w.title);
    expect(await titles()).toEqual(['Avant la sauvegarde']);
    expect(await kit.must('attendance:list', { workshopId: before.id })).toMatchObject({ items: [{ name: 'Mariam Koné' }] });
    expect(await kit.invoke('workshops:get', { id: after.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // The app restarted: the restored data is what opens.
    await kit.restart();
    await kit.must('vault:unlock', unlockInput());
    expect(await titles()).toEqual(['Avant la sauvegarde']);

    // The data it replaced is a backup like the others: restoring it brings « Après » back.
    await kit.must('backups:restore', { name: restored.savedAs.name, passphrase: TEST_PASSPHRASE });
    expect((await titles()).sort()).toEqual(['Après la sauvegarde', 'Avant la sauvegarde']);
  });

  it('is refused while the app is locked', async () => {
    kit = await openVaultCore();
    await kit.must('vault:setup', setupInput());
    const backup = await kit.must('backups:now', {});
    await kit.must('vault:lock', { reason: 'manual' });
    expect(await kit.invoke('backups:restore', { name: backup.name, passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'locked' } });
  });
});
