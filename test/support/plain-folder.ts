/**
 * A data folder as a version before issue 9 left it, all plain: the database written through
 * the app's own commands (rows, search columns, outbox payloads), its WAL holding a last write
 * that was never checkpointed (the app was killed), two plain backups (one of an older schema),
 * a plain photo and a temporary file of a photo being written. The person in it has a known
 * name, e-mail and Citizen Card number, to look for afterwards. Not a test file itself.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { CoreSlices } from '#core/handlers.js';
import { createHandlers } from '#core/handlers.js';
import { ensureDataDir } from '#core/data-dir.js';
import { createDispatcher } from '#core/dispatcher.js';
import { createSilentLogger } from '#core/logger.js';
import { prepareDatabase } from '#core/store/migrate.js';

export const KNOWN = {
  name: 'Yasmina Haddad-Lefèvre',
  email: 'yasmina.haddad@example.org',
  card: 'CC-7788-2231',
  /** Written last, into the WAL only. */
  walOnlyName: 'Aurélien Tessier-Walonly',
  /** A run of bytes inside the photo. */
  photoMarker: Buffer.from('PHOTO-MARKER: mur de post-it, Goutte-d’Or'),
};

export interface PlainFolder {
  workshopId: string;
  photo: Buffer;
  photoSha256: string;
}

export async function writePlainDataFolder(dataDir: string): Promise<PlainFolder> {
  const layout = ensureDataDir(dataDir);
  const prepared = await prepareDatabase({ file: layout.database, backupDir: layout.backups, key: null });
  const dispatch = createDispatcher(
    createHandlers({ coreSlices: {} as unknown as CoreSlices, db: prepared.db, now: () => new Date('2026-03-10T10:00:00.000Z'), newId: () => crypto.randomUUID(), emit: () => {}, appVersion: 'before-9', schemaVersion: prepared.schemaVersion }),
    createSilentLogger(),
  );
  const must = async (name: string, input: unknown) => {
    const r = await dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as { id: string };
  };
  const workshop = await must('workshops:create', {
    kind: 'pb_co_construction', title: 'Budget participatif — Goutte-d’Or', description: '', startsAt: '2026-03-14T18:30', endsAt: '2026-03-14T20:30',
    venueName: 'Centre Barbara', venueAddress: '', arrondissement: 18, inQpv: true, capacity: null, partners: [], facilitators: [],
  });
  await must('attendance:register', { workshopId: workshop.id, person: { name: KNOWN.name, email: KNOWN.email, citizenCardNumber: KNOWN.card }, recordedBy: 'Camille Martin' });
  const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(300_000), KNOWN.photoMarker, randomBytes(200_000)]);
  const photoSha256 = createHash('sha256').update(photo).digest('hex');
  const bucket = join(layout.attachments, photoSha256.slice(0, 2));
  mkdirSync(bucket, { recursive: true });
  writeFileSync(join(bucket, photoSha256), photo);
  writeFileSync(join(bucket, `${photoSha256}.4242.tmp`), photo.subarray(0, 100_000));
  await prepared.db.insertInto('attachments').values({ sha256: photoSha256, size: photo.length, media_type: 'image/jpeg', created_at: '2026-03-10T10:00:00.000Z', uploaded_at: null }).execute();
  await prepared.db.destroy();

  // Backups of that time: plain copies (the older one at schema 4).
  copyFileSync(layout.database, join(layout.backups, `atelier-2026-03-01T09-00-00-000Z-v${prepared.schemaVersion}.sqlite`));
  copyFileSync(layout.database, join(layout.backups, 'atelier-2026-02-01T09-00-00-000Z-v4.sqlite'));
  const older = spawnSync(process.execPath, ['-e', `const D=require(${JSON.stringify(requirePlain())});const d=new D(${JSON.stringify(join(layout.backups, 'atelier-2026-02-01T09-00-00-000Z-v4.sqlite'))});d.pragma('user_version = 4');d.close();`]);
  if (older.status !== 0) throw new Error(older.stderr.toString());

  // The last write of a session killed before any checkpoint: it is only in the WAL.
  const killed = spawnSync(process.execPath, [
    '-e',
    `const D=require(${JSON.stringify(requirePlain())});const d=new D(${JSON.stringify(layout.database)});d.pragma('wal_autocheckpoint = 0');` +
      `d.prepare("update people set name = ?, search_text = lower(?) where email = ?").run(${JSON.stringify(KNOWN.walOnlyName)}, ${JSON.stringify(KNOWN.walOnlyName)}, ${JSON.stringify(KNOWN.email)});` +
      `process.kill(process.pid, 'SIGKILL');`,
  ]);
  if (killed.signal !== 'SIGKILL') throw new Error(`the writer was not killed: ${killed.stderr.toString()}`);
  if (!existsSync(`${layout.database}-wal`) || statSync(`${layout.database}-wal`).size === 0) throw new Error('no WAL left behind');
  return { workshopId: workshop.id, photo, photoSha256 };
}

/** Plain better-sqlite3, as versions before issue 9 used it. */
function requirePlain(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3');
}
