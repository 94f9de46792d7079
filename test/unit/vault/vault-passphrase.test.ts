/**
 * The passphrase: chosen at the first start with its rules, typed at each start, changed
 * without re-encrypting anything, and recoverable only with the recovery key shown once.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_KDF } from '#core/vault/key-wrap.js';
import { formatRecoveryKey, RECOVERY_KEY_CHARS } from '#shared/vault/vault.schema.js';
import { dataFolderKey, openDataFolder, TEST_KDF, TEST_PASSPHRASE } from '#test/support/vault.js';
import { workshopFields } from '../core/test-core.js';
import { ACTOR, openVaultCore, setupInput, unlockInput, type VaultCore } from './vault-kit.js';

let kit: VaultCore;
afterEach(async () => kit?.close());

describe('the first start', () => {
  it('asks for a passphrase: nothing answers but the vault and app:info until one is chosen', async () => {
    kit = await openVaultCore();
    expect(await kit.must('vault:status', {})).toMatchObject({ state: 'setup', plainData: false, protection: null, osKeystore: 'none' });
    expect(await kit.invoke('workshops:list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await kit.invoke('app:info', {})).toMatchObject({ ok: true });
    expect(readdirSync(kit.dataDir)).not.toContain('atelier.sqlite');
  });

  it.each([
    ['too short', { passphrase: 'court', confirmation: 'court' }, { passphrase: 'validation.passphraseShort:12' }],
    ['a word of the app with digits', { passphrase: 'Atelier2026!!', confirmation: 'Atelier2026!!' }, { passphrase: 'validation.passphraseWeak' }],
    ['a keyboard run', { passphrase: 'azertyuiopqsd', confirmation: 'azertyuiopqsd' }, { passphrase: 'validation.passphraseWeak' }],
    ['typed differently twice', { passphrase: TEST_PASSPHRASE, confirmation: `${TEST_PASSPHRASE}.` }, { confirmation: 'validation.passphraseMismatch' }],
  ])('refuses a passphrase %s, beside the field, and writes nothing', async (_label, given, fields) => {
    kit = await openVaultCore();
    expect(await kit.invoke('vault:setup', { ...given, actor: ACTOR })).toEqual({ ok: false, error: { code: 'validation', message: expect.any(String), fields } });
    expect(readdirSync(kit.dataDir)).not.toContain('vault.json');
  });

  it('refuses an e-mail as the name of who unlocks', async () => {
    kit = await openVaultCore();
    expect(await kit.invoke('vault:setup', { ...setupInput(), actor: 'camille@paris.fr' })).toMatchObject({ error: { fields: { actor: 'validation.actorNotEmail' } } });
  });

  it('makes the key, shows a recovery key once, opens the data, and keeps the key only wrapped', async () => {
    kit = await openVaultCore();
    const { recoveryKey, status } = await kit.must('vault:setup', setupInput());
    expect(status).toMatchObject({ state: 'unlocked', protection: 'passphrase', actor: ACTOR });
    expect(recoveryKey).toMatch(new RegExp(`^[0-9A-HJKMNP-TV-Z]{${RECOVERY_KEY_CHARS}}$`));
    const created = await kit.must('workshops:create', workshopFields());

    const vaultFile = readFileSync(join(kit.dataDir, 'vault.json'), 'utf8');
    const key = await dataFolderKey(kit.dataDir);
    for (const secret of [key.toString('hex'), key.toString('base64'), recoveryKey, TEST_PASSPHRASE]) expect(vaultFile).not.toContain(secret);
    expect(JSON.parse(vaultFile)).toMatchObject({ kdf: { algorithm: 'argon2id', memoryKiB: TEST_KDF.memoryKiB }, slot: { protection: 'passphrase' }, plainLeft: false });
    expect(statSync(join(kit.dataDir, 'vault.json')).mode & 0o077).toBe(0);
    expect(await kit.invoke('vault:setup', setupInput())).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });

    await kit.restart();
    expect(await kit.must('vault:status', {})).toMatchObject({ state: 'sealed', lockReason: 'start' });
    expect(await kit.invoke('workshops:get', { id: created.id })).toMatchObject({ ok: false, error: { code: 'locked' } });
    await kit.must('vault:unlock', unlockInput());
    expect(await kit.must('workshops:get', { id: created.id })).toMatchObject({ title: created.title });
  });
});

describe('a later start', () => {
  it('refuses a wrong passphrase beside the field, logs it without the passphrase, and opens nothing', async () => {
    kit = await openVaultCore();
    await kit.must('vault:setup', setupInput());
    await kit.restart();
    const wrong = await kit.invoke('vault:unlock', unlockInput('quatre chaises vertes au marché'));
    expect(wrong).toMatchObject({ ok: false, error: { code: 'validation', fields: { passphrase: 'validation.passphraseWrong' } } });
    expect(await kit.invoke('workshops:list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(kit.logs.filter((l) => l.msg === 'wrong passphrase')).toEqual([expect.objectContaining({ attempt: 1 })]);
    expect(JSON.stringify(kit.logs)).not.toContain('vertes');
    // The same passphrase typed with é as two code points (another keyboard) opens it.
    expect(await kit.invoke('vault:unlock', unlockInput(TEST_PASSPHRASE.normalize('NFD')))).toMatchObject({ ok: true, value: { state: 'unlocked' } });
  });

  it('a vault made at a lower Argon2id cost is wrapped again at the app’s cost when it opens', async () => {
    kit = await openVaultCore();
    await kit.must('vault:setup', setupInput());
    await kit.restart({ testKdf: undefined });
    await kit.must('vault:unlock', unlockInput());
    const { kdf } = JSON.parse(readFileSync(join(kit.dataDir, 'vault.json'), 'utf8')) as { kdf: { memoryKiB: number; iterations: number } };
    expect(kdf).toMatchObject({ memoryKiB: APP_KDF.memoryKiB, iterations: APP_KDF.iterations });
  });
});

describe('changing the passphrase', () => {
  it('wraps the same key again: the data is not re-encrypted, the old passphrase opens nothing any more', async () => {
    kit = await openVaultCore();
    await kit.must('vault:setup', setupInput());
    const w = await kit.must('workshops:create', workshopFields());
    const key = await dataFolderKey(kit.dataDir);
    const next = 'le chat de la voisine dort au soleil';
    expect(await kit.invoke('vault:change-passphrase', { current: 'pas la bonne phrase', passphrase: next, confirmation: next })).toMatchObject({
      error: { fields: { current: 'validation.passphraseWrong' } },
    });
    expect(await kit.invoke('vault:change-passphrase', { current: TEST_PASSPHRASE, passphrase: 'court', confirmation: 'court' })).toMatchObject({
      error: { fields: { passphrase: 'validation.passphraseShort:12' } },
    });
    await kit.must('vault:change-passphrase', { current: TEST_PASSPHRASE, passphrase: next, confirmation: next });
    expect(await dataFolderKey(kit.dataDir, next)).toEqual(key);

    await kit.restart();
    expect(await kit.invoke('vault:unlock', unlockInput())).toMatchObject({ error: { fields: { passphrase: 'validation.passphraseWrong' } } });
    await kit.must('vault:unlock', unlockInput(next));
    expect(await kit.must('workshops:get', { id: w.id })).toMatchObject({ id: w.id });
  });

  it('is refused while locked', async () => {
    kit = await openVaultCore();
    await kit.must('vault:setup', setupInput());
    await kit.must('vault:lock', {});
    const next = 'le chat de la voisine dort au soleil';
    expect(await kit.invoke('vault:change-passphrase', { current: TEST_PASSPHRASE, passphrase: next, confirmation: next })).toMatchObject({ error: { code: 'locked' } });
  });
});

describe('a forgotten passphrase', () => {
  it('is replaced with the recovery key, which is then replaced too; a wrong key opens nothing', async () => {
    kit = await openVaultCore();
    const { recoveryKey } = await kit.must('vault:setup', setupInput());
    const w = await kit.must('workshops:create', workshopFields());
    await kit.restart();
    const next = 'trois pigeons sur la fontaine Wallace';
    const wrongKey = recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(await kit.invoke('vault:recover', { recoveryKey: wrongKey, passphrase: next, confirmation: next, actor: ACTOR })).toMatchObject({
      error: { fields: { recoveryKey: 'validation.recoveryKeyWrong' } },
    });
    expect(await kit.invoke('vault:recover', { recoveryKey: 'pas une clé', passphrase: next, confirmation: next, actor: ACTOR })).toMatchObject({
      error: { fields: { recoveryKey: 'validation.recoveryKey' } },
    });
    // Typed as printed (groups of four), in lower case: accepted.
    const recovered = await kit.must('vault:recover', { recoveryKey: formatRecoveryKey(recoveryKey).toLowerCase(), passphrase: next, confirmation: next, actor: ACTOR });
    expect(recovered.status.state).toBe('unlocked');
    expect(recovered.recoveryKey).not.toBe(recoveryKey);
    expect(await kit.must('workshops:get', { id: w.id })).toMatchObject({ id: w.id });
    expect(kit.logs.map((l) => l.msg)).toContain('passphrase reset with the recovery key; a new recovery key was shown');

    await kit.restart();
    expect(await kit.invoke('vault:recover', { recoveryKey, passphrase: next, confirmation: next, actor: ACTOR })).toMatchObject({ error: { fields: { recoveryKey: 'validation.recoveryKeyWrong' } } });
    await kit.must('vault:unlock', unlockInput(next));
    const db = await openDataFolder(kit.dataDir, { passphrase: next });
    expect(db.prepare('select count(*) from workshops').pluck().get()).toBe(1);
    db.close();
  });
});
