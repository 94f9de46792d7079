/**
 * A month of the lab's records on the real core (test-core.ts: real migrations, real dispatch,
 * an encrypted data folder): workshops of several kinds in March 2026 (Paris time), people
 * present (the study's counts), proposals in several arrondissements, photos stored encrypted.
 * Not a test file itself.
 */
import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '#core/store/open-database.js';
import { openDataFolder } from '#test/support/vault.js';
import { openTestCore, workshopFields, type TestCore } from '../core/test-core.js';
import { addAttendance, addHeadCount, addProposal } from '../study/study-fixtures.js';
import { fakeJpeg, fakePng } from './fake-photo.js';

export const ACTOR = 'Inès Lab';
export const MONTH = '2026-03';

export interface SeededMonth {
  workshops: string[];
  photos: string[];
}

/** Four kinds held in March (one cancelled, one just after midnight on 1 April Paris time). */
export async function seedMonth(core: TestCore, rw: SqliteDatabase, options: { photos?: number; photoBytes?: number } = {}): Promise<SeededMonth> {
  const pb = await core.must('workshops:create', workshopFields({ startsAt: '2026-03-14T18:30', endsAt: '2026-03-14T20:30', arrondissement: 18 }));
  const card = await core.must('workshops:create', workshopFields({ kind: 'citizen_card_atelier', title: 'Visite de l’Hôtel de Ville', startsAt: '2026-03-20T18:30', endsAt: '2026-03-20T20:30', arrondissement: 4 }));
  const lab = await core.must('workshops:create', workshopFields({ kind: 'lab_monthly', title: 'Atelier mensuel du Lab', startsAt: '2026-03-25T18:30', endsAt: '2026-03-25T20:30', arrondissement: 4 }));
  const data = await core.must('workshops:create', workshopFields({ kind: 'dataset_meetup', title: 'Rencontre données ouvertes', startsAt: '2026-03-31T23:00', endsAt: '2026-03-31T23:50', arrondissement: 11 }));
  // 1 April 00:30 in Paris (22:30 UTC on 31 March): April's.
  await core.must('workshops:create', workshopFields({ title: 'Atelier d’avril', startsAt: '2026-04-01T00:30', endsAt: '2026-04-01T02:00', arrondissement: 20 }));
  for (let i = 0; i < 10; i++) addAttendance(rw, pb.id, i < 8 ? {} : null);
  addHeadCount(rw, pb.id, 2);
  for (let i = 0; i < 9; i++) addAttendance(rw, card.id, null);
  for (let i = 0; i < 3; i++) addAttendance(rw, lab.id, null);
  for (let i = 0; i < 6; i++) addAttendance(rw, data.id, null);
  const ids = [addProposal(rw, pb.id), addProposal(rw, pb.id)];
  const in20 = addProposal(rw, pb.id);
  rw.prepare(`update proposals set arrondissement = 20 where id = ?`).run(in20);
  const parisWide = addProposal(rw, pb.id);
  rw.prepare(`update proposals set location_type = 'paris', arrondissement = null where id = ?`).run(parisWide);
  ids.push(in20, parisWide);

  const photos: string[] = [];
  const count = options.photos ?? 3;
  for (let i = 0; i < count; i++) {
    const bytes = i === 1 && !options.photoBytes ? fakePng(60, 40, [30 + i, 120, 200]) : fakeJpeg(320, 240, options.photoBytes ?? 2_000 + i, i);
    const added = await core.must('attachments:add', { mediaType: i === 1 && !options.photoBytes ? 'image/png' : 'image/jpeg', base64: bytes.toString('base64') });
    photos.push(added.sha256);
  }
  // The photos belong to the proposals, spread over them.
  ids.forEach((id, i) => rw.prepare(`update proposals set photos = ? where id = ?`).run(JSON.stringify(photos.filter((_, k) => k % ids.length === i)), id));
  return { workshops: [pb.id, card.id, lab.id, data.id], photos };
}

export async function publicationWorld() {
  const core = await openTestCore({ now: '2026-04-02T09:00:00.000Z', currentActor: () => ACTOR });
  const rw = await openDataFolder(core.dataDir, { readonly: false });
  return {
    core,
    rw,
    async close() {
      rw.close();
      await core.close();
    },
    async becomeField() {
      rw.prepare(`insert into device_meta (key, value) values ('portal_role', 'field') on conflict (key) do update set value = excluded.value`).run();
    },
    newId: randomUUID,
  };
}
