/**
 * The lock, in the core: while locked every command that carries personal data is refused
 * (the list derived from the contract, so a new personal command is covered), the PIN unlocks
 * until a restart and wrong ones are rate-limited and logged, the idle time locks, and a
 * welcome desk kept open on purpose stays open until its workshop ends.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, type CommandName } from '#shared/contract.js';
import { carriesIdentity, isPersonalCommand, listedPersonalCommands, personalCommandNames } from '#shared/personal-commands.js';
import { personIdentityInputSchema } from '#shared/attendance/participant.schema.js';
import { VAULT_LIMITS } from '#shared/vault/vault.schema.js';
import { workshopFields } from '../core/test-core.js';
import { openVaultCore, pinInput, setupInput, unlockInput, type VaultCore } from './vault-kit.js';

let kit: VaultCore;
afterEach(async () => kit?.close());

const MINUTE = 60_000;
const commands = Object.keys(contract) as CommandName[];

async function unlockedWithData() {
  kit = await openVaultCore();
  await kit.must('vault:setup', setupInput());
  const workshop = await kit.must('workshops:create', workshopFields());
  await kit.must('attendance:register', { workshopId: workshop.id, person: { name: 'Samira Benali', email: 'samira.benali@example.org' }, recordedBy: 'Camille Martin' });
  return workshop;
}

describe('which commands are personal', () => {
  it('every command whose input or answer carries an identity field is personal, whatever is listed', () => {
    const derived = commands.filter((name) => carriesIdentity(contract[name].input) || carriesIdentity(contract[name].output));
    expect(derived).toEqual(expect.arrayContaining(['attendance:register', 'attendance:check-in', 'attendance:walk-in', 'attendance:list', 'attendance:search']));
    for (const name of derived) expect(isPersonalCommand(name), name).toBe(true);
    for (const name of listedPersonalCommands) expect(commands, `${name} is listed but not in the contract`).toContain(name);
    expect([...personalCommandNames()].sort()).toEqual([...new Set([...derived, ...listedPersonalCommands])].sort());
  });

  it('a new command handing out identities, however deep, is found: planted schemas', () => {
    const identity = personIdentityInputSchema;
    expect(carriesIdentity(z.object({ items: z.array(z.object({ person: identity.nullable() })) }))).toBe(true);
    expect(carriesIdentity(z.object({ page: z.union([z.object({ holder: z.object({ citizenCardNumber: z.string() }) }), z.null()]) }))).toBe(true);
    expect(carriesIdentity(z.object({ phone: z.string().optional() }).transform((v) => v))).toBe(true);
    expect(carriesIdentity(contract['workshops:list'].output)).toBe(false);
    expect(carriesIdentity(contract['study:dashboard'].output)).toBe(false);
  });
});

describe('while locked', () => {
  it('every personal command is refused with `locked`, before its input is even read; the others answer', async () => {
    const workshop = await unlockedWithData();
    const personal = commands.filter(isPersonalCommand);
    expect(personal.length).toBeGreaterThan(10);
    await kit.must('vault:lock', {});
    for (const name of personal) {
      expect(await kit.core.dispatch(name, { workshopId: workshop.id }), name).toMatchObject({ ok: false, error: { code: 'locked' } });
      expect(await kit.core.dispatch(name, 'not even an object'), name).toMatchObject({ ok: false, error: { code: 'locked' } });
    }
    expect(await kit.invoke('workshops:get', { id: workshop.id })).toMatchObject({ ok: true });
    expect(await kit.invoke('sync:status', {})).toMatchObject({ ok: true });
    expect(await kit.invoke('vault:status', {})).toMatchObject({ ok: true, value: { state: 'locked', lockReason: 'manual' } });
    // Unlocked again, the same commands answer.
    await kit.must('vault:unlock', unlockInput());
    expect(await kit.must('attendance:search', { workshopId: workshop.id, query: 'sam' })).toMatchObject({ items: [{ name: 'Samira Benali' }] });
  });

  it('before the passphrase at a start, nothing but the vault and app:info answers', async () => {
    await unlockedWithData();
    await kit.restart();
    for (const name of commands.filter((n) => !n.startsWith('vault:') && n !== 'app:info')) {
      expect(await kit.core.dispatch(name, {}), name).toMatchObject({ ok: false, error: { code: 'locked' } });
    }
  });
});

describe('the PIN', () => {
  it('unlocks after a lock, never at a start, and is forgotten when the app restarts', async () => {
    await unlockedWithData();
    expect(await kit.invoke('vault:set-pin', { pin: '12a4' })).toMatchObject({ error: { fields: { pin: `validation.pin:${VAULT_LIMITS.pinMin}` } } });
    await kit.must('vault:set-pin', { pin: '2468' });
    await kit.must('vault:lock', {});
    expect(await kit.must('vault:status', {})).toMatchObject({ pinAllowed: true });
    expect(await kit.must('vault:unlock', pinInput('2468'))).toMatchObject({ state: 'unlocked' });
    await kit.restart();
    expect(await kit.must('vault:status', {})).toMatchObject({ state: 'sealed', pinAllowed: false });
    expect(await kit.invoke('vault:unlock', pinInput('2468'))).toMatchObject({ error: { fields: { pin: 'validation.pinNone' } } });
    await kit.must('vault:unlock', unlockInput());
    await kit.must('vault:lock', {});
    expect(await kit.invoke('vault:unlock', pinInput('2468'))).toMatchObject({ error: { fields: { pin: 'validation.pinNone' } } });
  });

  it('wrong PINs: two free, then waits of 30 s and 60 s, the fifth disables it; each is logged, never the PIN', async () => {
    await unlockedWithData();
    await kit.must('vault:set-pin', { pin: '2468' });
    await kit.must('vault:lock', {});
    const wrongPin = () => kit.invoke('vault:unlock', pinInput('1357'));
    expect(await wrongPin()).toMatchObject({ error: { fields: { pin: 'validation.pinWrong' } } });
    expect(await wrongPin()).toMatchObject({ error: { fields: { pin: 'validation.pinWrong' } } });
    expect(await wrongPin()).toMatchObject({ error: { fields: { pin: 'validation.pinWait:30' } } });
    // Even the right PIN waits.
    expect(await kit.invoke('vault:unlock', pinInput('2468'))).toMatchObject({ error: { fields: { pin: 'validation.pinWait:30' } } });
    kit.pass(30_000);
    expect(await wrongPin()).toMatchObject({ error: { fields: { pin: 'validation.pinWait:60' } } });
    kit.pass(60_000);
    expect(await wrongPin()).toMatchObject({ error: { fields: { pin: 'validation.pinDisabled' } } });
    expect(await kit.must('vault:status', {})).toMatchObject({ state: 'locked', pinAllowed: false });
    expect(await kit.invoke('vault:unlock', pinInput('2468'))).toMatchObject({ error: { fields: { pin: 'validation.pinNone' } } });
    expect(kit.logs.filter((l) => l.msg === 'wrong PIN').map((l) => l.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(JSON.stringify(kit.logs)).not.toMatch(/1357|2468/);
    await kit.must('vault:unlock', unlockInput());
  });
});

describe('the idle time', () => {
  it('locks after 10 minutes without anyone using the window; a key press starts it again', async () => {
    await unlockedWithData();
    kit.pass(9 * MINUTE);
    await kit.must('vault:activity', {});
    kit.pass(9 * MINUTE);
    expect(await kit.must('vault:status', {})).toMatchObject({ state: 'unlocked', idleMinutes: 10 });
    kit.pass(MINUTE);
    expect(await kit.invoke('attendance:list', { workshopId: crypto.randomUUID() })).toMatchObject({ error: { code: 'locked' } });
    expect(await kit.must('vault:status', {})).toMatchObject({ state: 'locked', lockReason: 'idle' });
    expect(kit.events).toContain('vault:changed');
  });

  it('is set by the lab and kept on this laptop', async () => {
    await unlockedWithData();
    expect(await kit.invoke('vault:settings', { idleMinutes: 0 })).toMatchObject({ error: { fields: { idleMinutes: `validation.idleMinutes:${VAULT_LIMITS.idleMinutesMax}` } } });
    await kit.must('vault:settings', { idleMinutes: 3 });
    await kit.restart();
    expect(await kit.must('vault:unlock', unlockInput())).toMatchObject({ idleMinutes: 3 });
    kit.pass(3 * MINUTE);
    expect(await kit.must('vault:status', {})).toMatchObject({ state: 'locked', lockReason: 'idle' });
  });
});

describe('a welcome desk kept open on purpose', () => {
  it('stays unlocked until its workshop ends, then locks after the idle time; logged with who did it', async () => {
    const workshop = await unlockedWithData(); // 14 March, 18:30–20:30 in Paris: 17:30–19:30 UTC
    await kit.must('vault:keep-open', { workshopId: workshop.id });
    expect(await kit.must('vault:status', {})).toMatchObject({ keptOpenUntil: '2026-03-14T19:30:00.000Z' });
    kit.pass(120 * MINUTE);
    kit.setNow('2026-03-14T19:00:00.000Z');
    expect(await kit.must('attendance:list', { workshopId: workshop.id })).toMatchObject({ items: [{ name: 'Samira Benali' }] });
    kit.setNow('2026-03-14T19:31:00.000Z');
    expect(await kit.must('vault:status', {})).toMatchObject({ state: 'unlocked', keptOpenUntil: null });
    kit.pass(10 * MINUTE);
    expect(await kit.must('vault:status', {})).toMatchObject({ state: 'locked', lockReason: 'idle' });
    expect(kit.logs.find((l) => l.msg === 'welcome desk kept open on purpose')).toMatchObject({ actor: 'Camille Martin', until: '2026-03-14T19:30:00.000Z' });
  });

  it('only until a workshop of the next hours ends; locking by hand ends it', async () => {
    const workshop = await unlockedWithData();
    kit.setNow('2026-03-14T20:00:00.000Z');
    expect(await kit.invoke('vault:keep-open', { workshopId: workshop.id })).toMatchObject({ error: { fields: { workshopId: 'validation.keepOpenTime:12' } } });
    kit.setNow('2026-03-13T17:00:00.000Z');
    expect(await kit.invoke('vault:keep-open', { workshopId: workshop.id })).toMatchObject({ error: { fields: { workshopId: 'validation.keepOpenTime:12' } } });
    kit.setNow('2026-03-14T17:00:00.000Z');
    await kit.must('vault:keep-open', { workshopId: workshop.id });
    await kit.must('vault:lock', {});
    await kit.must('vault:unlock', unlockInput());
    expect(await kit.must('vault:status', {})).toMatchObject({ keptOpenUntil: null });
  });
});
