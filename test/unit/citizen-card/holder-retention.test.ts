/**
 * Retention and the City's file: an identity is purged 12 months after the person's last
 * activity. A holder imported from the City's file has no attendance: without more, they would
 * be purged 12 months after the first import. They are kept while the City's file lists them —
 * each import refreshes their `listedAt` — and purged 12 months after the last import that
 * listed them; a holder typed at the desk follows the ordinary rule (registrations count).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../core/test-core.js';
import { cityLine, IMPORT_HEADER } from './holders-kit.js';

const open: TestCore[] = [];
const dirs: string[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

async function startAt(dataDir: string, now: string) {
  const core = await openTestCore({ dataDir, now });
  open.push(core);
  await expect.poll(async () => (await core.must('people:retention', { actor: 'Inès Lab' })).lastPurge?.at, { timeout: 5000 }).toBe(now);
  return core;
}
async function restartAt(core: TestCore, now: string) {
  await core.close();
  open.splice(open.indexOf(core), 1);
  return startAt(core.dataDir, now);
}
const importFile = (core: TestCore) =>
  core.must('citizen-card:import-holders', { importId: crypto.randomUUID(), firstLine: 2, header: IMPORT_HEADER, lines: [cityLine('PC424242', 'Martin', 'Lucie', { year: '1975', arr: '19' })] });
const cardOf = (core: TestCore, name: string) =>
  core.sqlite.prepare('select h.card_number from card_holders h join people p on p.id = h.person_id where h.person_id in (select id from people where name like ?)').pluck().get(`%${name}%`) as string | null | undefined;
const nameLeft = (core: TestCore, personName: string) => core.sqlite.prepare('select count(*) from people where name like ?').pluck().get(`%${personName}%`) as number;

describe('holders of the City’s file and the retention period', () => {
  it('keeps a holder while the City’s file lists them, then purges them 12 months after the last listing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'atelier-holder-retention-'));
    dirs.push(dataDir);
    let core = await startAt(dataDir, '2026-03-01T09:00:00.000Z');
    expect(await importFile(core)).toMatchObject({ imported: 1 });
    await core.must('citizen-card:save-holder', {
      fields: { cardNumber: 'PC777777', name: 'Paul Guichet', birthYear: null, arrondissement: null, email: '', phone: '', contactConsent: false },
    });

    core = await restartAt(core, '2027-02-01T09:00:00.000Z');
    expect(nameLeft(core, 'Lucie')).toBe(1);
    expect(nameLeft(core, 'Paul Guichet')).toBe(1);
    // The City sends its file again: the holder is listed again.
    await importFile(core);

    core = await restartAt(core, '2027-03-02T09:00:00.000Z');
    // The desk holder, with no atelier since, reached the end of their 12 months; the listed one did not.
    expect(nameLeft(core, 'Paul Guichet')).toBe(0);
    expect(nameLeft(core, 'Lucie')).toBe(1);
    expect(cardOf(core, 'Lucie')).toBe('PC424242');

    core = await restartAt(core, '2028-02-02T09:00:00.000Z');
    expect(nameLeft(core, 'Lucie')).toBe(0);
    // The card's data is the person's: wiped with them.
    expect(core.sqlite.prepare('select count(*) from card_holders where card_number is not null').pluck().get()).toBe(0);
  }, 30_000);
});
