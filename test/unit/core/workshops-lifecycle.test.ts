import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore } from '#core/core.js';
import { createSilentLogger } from '#core/logger.js';
import { openTestCore, outboxRows, workshopFields, type TestCore } from './test-core.js';
import { openDataFolder, testVault } from '#test/support/vault.js';

let core: TestCore;
beforeEach(async () => {
  core = await openTestCore();
});
afterEach(async () => {
  await core.close();
});

const create = (overrides = {}) => core.must('workshops:create', workshopFields(overrides));

describe('planning a workshop', () => {
  it('a new workshop is planned, at version 1, with its Paris times stored in UTC', async () => {
    const w = await create();
    expect(w).toMatchObject({ status: 'planned', version: 1, deletedAt: null, minutes: null, arrondissement: 18, inQpv: true });
    // 18:30 in Paris in March (winter time, UTC+1) is 17:30 UTC.
    expect(w.startsAt).toBe('2026-03-14T17:30:00.000Z');
    expect(w.endsAt).toBe('2026-03-14T19:30:00.000Z');
    expect(await core.must('workshops:get', { id: w.id })).toEqual(w);
  });

  it('the creation is written to the outbox in the same change, with all the fields', async () => {
    const w = await create();
    const rows = outboxRows(core.sqlite, w.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ op: 'create', base_version: null, version: 1, state: 'pending' });
    expect(rows[0]!.fields).toMatchObject({ title: w.title, startsAt: w.startsAt, arrondissement: 18, status: 'planned' });
    // The change, then `sync:changed`: the header's count of changes waiting follows every write.
    expect(core.events).toEqual([
      { name: 'workshops:changed', payload: { id: w.id } },
      { name: 'sync:changed', payload: {} },
    ]);
  });

  it('the pending count of the sync indicator grows with each change', async () => {
    const w = await create();
    await core.must('workshops:open', { id: w.id, version: 1 });
    expect(await core.must('sync:status', {})).toMatchObject({ pending: 2 });
  });
});

describe('a change and its outbox entry are one', () => {
  it('if the outbox entry cannot be written, the workshop is not saved or changed either', async () => {
    const w = await create();
    const guard = await openDataFolder(core.dataDir, { readonly: false });
    guard.exec(`create trigger test_outbox_fails before insert on outbox begin select raise(abort, 'simulated disk failure'); end`);
    guard.close();

    expect(await core.invoke('workshops:create', workshopFields({ title: 'Jamais enregistré' }))).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await core.invoke('workshops:open', { id: w.id, version: 1 })).toMatchObject({ ok: false, error: { code: 'internal' } });

    expect(core.sqlite.prepare('select title, status, version from workshops').all()).toEqual([{ title: w.title, status: 'planned', version: 1 }]);
    expect(outboxRows(core.sqlite)).toHaveLength(1);
  });
});

describe('refused input comes back beside each field', () => {
  it('an end before the start is reported on the end time', async () => {
    const result = await core.invoke('workshops:create', workshopFields({ startsAt: '2026-03-14T20:30', endsAt: '2026-03-14T18:30' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: { endsAt: 'validation.endBeforeStart' } } });
  });

  it('a title longer than 200 characters, an arrondissement 21 and a 31 February are all reported at once', async () => {
    const result = await core.invoke(
      'workshops:create',
      workshopFields({ title: 'A'.repeat(201), arrondissement: 21, startsAt: '2026-02-31T10:00' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields).toEqual({
      title: 'validation.tooLong:200',
      arrondissement: 'validation.arrondissement',
      startsAt: 'validation.dateTime',
    });
  });

  it('refused input writes nothing', async () => {
    await core.invoke('workshops:create', workshopFields({ title: '   ' }));
    expect(core.sqlite.prepare('select count(*) as n from workshops').get()).toEqual({ n: 0 });
    expect(outboxRows(core.sqlite)).toHaveLength(0);
  });
});

describe('editing and the status machine', () => {
  it('an edit bumps the version and its outbox row holds only the changed fields', async () => {
    const w = await create();
    core.setNow('2026-03-02T10:00:00.000Z');
    const edited = await core.must('workshops:update', {
      id: w.id,
      version: 1,
      fields: workshopFields({ title: 'Budget participatif : square Léon', capacity: 60 }),
    });
    expect(edited).toMatchObject({ version: 2, title: 'Budget participatif : square Léon', capacity: 60, updatedAt: '2026-03-02T10:00:00.000Z' });
    const rows = outboxRows(core.sqlite, w.id);
    expect(rows[1]).toMatchObject({ op: 'update', base_version: 1, version: 2 });
    expect(rows[1]!.fields).toEqual({ title: 'Budget participatif : square Léon', capacity: 60 });
  });

  it('a workshop is opened on the day, then closed with its minutes', async () => {
    const w = await create();
    const opened = await core.must('workshops:open', { id: w.id, version: 1 });
    expect(opened).toMatchObject({ status: 'open', version: 2 });
    core.setNow('2026-03-14T19:45:00.000Z');
    const closed = await core.must('workshops:close', { id: w.id, version: 2, minutes: '32 participants, 5 projets retenus.' });
    expect(closed).toMatchObject({ status: 'closed', version: 3, minutes: '32 participants, 5 projets retenus.', closedAt: '2026-03-14T19:45:00.000Z' });
    expect(outboxRows(core.sqlite, w.id).map((r) => r.fields)).toEqual([
      expect.objectContaining({ status: 'planned' }),
      { status: 'open' },
      { status: 'closed', minutes: '32 participants, 5 projets retenus.', closedAt: '2026-03-14T19:45:00.000Z' },
    ]);
  });

  it('a planned workshop cannot be closed before it has been opened', async () => {
    const w = await create();
    const result = await core.invoke('workshops:close', { id: w.id, version: 1, minutes: 'Compte rendu' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect(await core.must('workshops:get', { id: w.id })).toMatchObject({ status: 'planned', version: 1 });
    expect(outboxRows(core.sqlite, w.id)).toHaveLength(1);
  });

  it('closing without minutes is refused on the minutes field', async () => {
    const w = await create();
    await core.must('workshops:open', { id: w.id, version: 1 });
    const result = await core.invoke('workshops:close', { id: w.id, version: 2, minutes: '  ' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: { minutes: 'validation.required' } } });
  });

  it('a closed workshop can no longer be edited, reopened or cancelled', async () => {
    const w = await create();
    await core.must('workshops:open', { id: w.id, version: 1 });
    await core.must('workshops:close', { id: w.id, version: 2, minutes: 'Fait.' });
    const edit = await core.invoke('workshops:update', { id: w.id, version: 3, fields: workshopFields({ title: 'Trop tard' }) });
    expect(edit).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect(await core.invoke('workshops:open', { id: w.id, version: 3 })).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect(await core.invoke('workshops:cancel', { id: w.id, version: 3, reason: '' })).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    expect(await core.must('workshops:get', { id: w.id })).toMatchObject({ status: 'closed', version: 3, title: w.title });
    expect(outboxRows(core.sqlite, w.id)).toHaveLength(3);
  });

  it('a cancelled workshop keeps its reason and can no longer be opened', async () => {
    const w = await create();
    core.setNow('2026-03-10T08:00:00.000Z');
    const cancelled = await core.must('workshops:cancel', { id: w.id, version: 1, reason: 'Salle indisponible' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Salle indisponible', cancelledAt: '2026-03-10T08:00:00.000Z' });
    expect(await core.invoke('workshops:open', { id: w.id, version: 2 })).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
  });

  it('an edit based on a stale version is a conflict and writes nothing', async () => {
    const w = await create();
    await core.must('workshops:update', { id: w.id, version: 1, fields: workshopFields({ title: 'Première modification' }) });
    const eventsBefore = core.events.length;
    const stale = await core.invoke('workshops:update', { id: w.id, version: 1, fields: workshopFields({ title: 'Modification concurrente' }) });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await core.must('workshops:get', { id: w.id })).toMatchObject({ title: 'Première modification', version: 2 });
    expect(outboxRows(core.sqlite, w.id)).toHaveLength(2);
    expect(core.events).toHaveLength(eventsBefore);
  });

  it('an unknown workshop is not found', async () => {
    const result = await core.invoke('workshops:open', { id: crypto.randomUUID(), version: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('removing is a tombstone, never a delete', () => {
  beforeEach(async () => {
    // If any command ever DELETEd a workshop, it would now fail loudly.
    const guard = await openDataFolder(core.dataDir, { readonly: false });
    guard.exec(`create trigger test_forbid_delete before delete on workshops begin select raise(abort, 'workshops are never deleted'); end`);
    guard.close();
  });

  it('a removed workshop leaves the list, is still found by id, and comes back when restored', async () => {
    const w = await create();
    const other = await create({ title: 'Atelier Carte citoyenne', kind: 'citizen_card_atelier' });
    core.setNow('2026-03-05T12:00:00.000Z');
    const removed = await core.must('workshops:remove', { id: w.id });
    expect(removed).toMatchObject({ deletedAt: '2026-03-05T12:00:00.000Z', version: 2 });

    const list = await core.must('workshops:list', {});
    expect(list.items.map((i) => i.id)).toEqual([other.id]);
    expect(list.total).toBe(1);
    expect(await core.must('workshops:get', { id: w.id })).toMatchObject({ deletedAt: '2026-03-05T12:00:00.000Z' });

    const restored = await core.must('workshops:restore', { id: w.id });
    expect(restored).toMatchObject({ deletedAt: null, version: 3 });
    expect((await core.must('workshops:list', {})).total).toBe(2);

    const rows = outboxRows(core.sqlite, w.id);
    expect(rows.map((r) => [r.op, r.base_version, r.version])).toEqual([
      ['create', null, 1],
      ['delete', 1, 2],
      ['update', 2, 3],
    ]);
    expect(rows[1]!.fields).toEqual({ deletedAt: '2026-03-05T12:00:00.000Z' });
    expect(rows[2]!.fields).toEqual({ deletedAt: null });
    expect(core.sqlite.prepare('select count(*) as n from workshops').get()).toEqual({ n: 2 });
  });

  it('a removed workshop cannot be edited, and restoring a live one is refused', async () => {
    const w = await create();
    expect(await core.invoke('workshops:restore', { id: w.id })).toMatchObject({ ok: false, error: { code: 'invalid_transition' } });
    await core.must('workshops:remove', { id: w.id });
    const edit = await core.invoke('workshops:update', { id: w.id, version: 2, fields: workshopFields() });
    expect(edit).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(outboxRows(core.sqlite, w.id)).toHaveLength(2);
  });
});

describe('the core as the hosts start it', () => {
  it('starts on an in-memory database and answers commands through its dispatch', async () => {
    const events: string[] = [];
    const started = await startCore({
      dataDir: ':memory:',
      logger: createSilentLogger(),
      appVersion: '1.2.3',
      onEvent: (name) => events.push(name),
      ...testVault(),
    });
    try {
      expect(events).toEqual(['vault:changed']);
      events.length = 0;
      expect(await started.dispatch('app:info', {})).toEqual({ ok: true, value: { version: '1.2.3', schemaVersion: started.schemaVersion } });
      const created = await started.dispatch('workshops:create', workshopFields());
      expect(created.ok).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(events).toEqual(['workshops:changed', 'sync:changed']);
      expect(started.backupPath).toBeNull();
    } finally {
      await started.close();
    }
  });
});
