/**
 * Issue 9's test of the whole laptop: a known name, e-mail and Citizen Card number typed in at
 * the welcome desk, a searched name, and a phone-sized photo, all through the web host as a
 * person's browser sends them; a backup taken; then the host killed (SIGKILL, so the WAL is left
 * as it is) and every file of the data folder searched for them in clear — database, WAL,
 * backups, attachments, logs, the vault file: nothing found. Every file is the user's only.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesUnder, foundInClear, isPlainSqliteFile, openToOthers } from '#test/support/in-clear.js';
import { openDataFolder } from '#test/support/vault.js';
import { buildHost, post, startHostProcess, type BuiltHost, type HostProcess } from './built-host.js';

const PERSON = { name: 'Yasmina Haddad-Lefèvre', email: 'yasmina.haddad@example.org', citizenCardNumber: 'CC-7788-2231', phone: '06 12 34 56 78' };
const ARABIC_NAME = 'ياسمينة حداد';
const MARKER = Buffer.from('PHOTO-MARKER: mur de post-it, Goutte-d’Or');

let built: BuiltHost;
let dataDir: string | undefined;
beforeAll(async () => {
  built = await buildHost();
}, 120_000);
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  built?.remove();
});

async function must(web: HostProcess, name: string, input: unknown): Promise<Record<string, unknown>> {
  const answer = await post(false, web.port, `/rpc/${encodeURIComponent(name)}`, { cookie: web.cookie, 'content-type': 'application/json' }, JSON.stringify(input));
  const body = JSON.parse(answer.body) as { ok: boolean; value: Record<string, unknown> };
  if (!body.ok) throw new Error(`${name}: ${answer.body.slice(0, 500)}`);
  return body.value;
}

describe('the data folder after a welcome desk and a photo', () => {
  it('holds no name, e-mail, card number or photo in clear, in any file, and every file is the user’s only', { timeout: 120_000 }, async () => {
    const web = await startHostProcess(built);
    dataDir = web.dataDir;
    const workshop = await must(web, 'workshops:create', {
      kind: 'pb_co_construction', title: 'Budget participatif — Goutte-d’Or', description: '', startsAt: '2026-03-14T18:30', endsAt: '2026-03-14T20:30',
      venueName: 'Centre Barbara', venueAddress: '', arrondissement: 18, inQpv: true, capacity: null, partners: [], facilitators: [],
    });
    await must(web, 'attendance:register', { workshopId: workshop.id, person: PERSON, recordedBy: 'Camille Martin' });
    await must(web, 'attendance:register', { workshopId: workshop.id, person: { name: ARABIC_NAME }, recordedBy: 'Camille Martin' });
    const found = await must(web, 'attendance:search', { workshopId: workshop.id, query: 'hadd' });
    expect(JSON.stringify(found)).toContain(PERSON.name);
    // A phone photo: 5 MB, the marker in the middle.
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(2_500_000), MARKER, randomBytes(2_500_000)]);
    await must(web, 'attachments:add', { mediaType: 'image/jpeg', base64: photo.toString('base64') });
    await must(web, 'backups:now', {});
    web.child.kill('SIGKILL');
    await new Promise((resolve) => web.child.once('exit', resolve));

    const files = filesUnder(web.dataDir).map((f) => f.slice(web.dataDir.length + 1));
    // What was searched really is there: the database with its WAL, a backup, the photo, the logs.
    expect(files).toEqual(expect.arrayContaining(['atelier.sqlite', 'vault.json']));
    expect(files.some((f) => f.startsWith('backups/atelier-daily-'))).toBe(true);
    expect(files.some((f) => f.startsWith('attachments/'))).toBe(true);
    expect(files.some((f) => f.startsWith('logs/'))).toBe(true);
    for (const f of files.filter((name) => name.endsWith('.sqlite'))) expect(isPlainSqliteFile(join(web.dataDir, f)), f).toBe(false);

    const needles = [PERSON.name, PERSON.email, PERSON.citizenCardNumber, PERSON.phone, ARABIC_NAME, MARKER, photo.subarray(1_000_000, 1_004_096)];
    expect(foundInClear(web.dataDir, needles)).toEqual([]);
    expect(openToOthers(web.dataDir)).toEqual([]);

    // And the data is all there for whoever has the passphrase.
    const db = await openDataFolder(web.dataDir);
    try {
      const names = (db.prepare('select name from people order by name').all() as { name: string }[]).map((r) => r.name);
      expect(names).toEqual(expect.arrayContaining([PERSON.name, ARABIC_NAME]));
    } finally {
      db.close();
    }
  });
});
