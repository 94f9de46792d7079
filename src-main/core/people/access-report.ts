/**
 * Everything held about one person (GDPR art. 15): the records declared personal for them
 * (their identity, and any record of another kind that names them), whether they were erased,
 * their participations with the consents they gave (and the words they were asked) and the
 * anonymous study answers linked to them, the proposals they carried, and when the identity
 * will be purged. The PDF and the JSON given to the person are made from this one report.
 */
import { consentTexts, type ConsentText } from '#shared/attendance/consent-texts.js';
import type { AccessReport } from '#shared/people/people.schema.js';
import { purgeDay } from '#shared/people/retention-dates.js';
import { personAttendanceRecords } from '../attendance/attendance.repository.js';
import { proposalsCarriedBy } from '../proposals/proposals.repository.js';
import type { Executor } from '../store/executor.js';
import { rowsOf, subjectRecords } from '../store/erasure-writes.js';
import { syncedTables } from '../synced-tables.js';
import { findWorkshopRow } from '../workshops/workshops.repository.js';
import { findErasure, lastWorkshopEnds, PERSON, retentionMonths } from './people.repository.js';

type Loose = Record<string, unknown>;

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

/** The report, or null when no such person is held here. */
export async function buildAccessReport(db: Executor, personId: string, now: Date): Promise<AccessReport | null> {
  const records = await subjectRecords(db, syncedTables, PERSON, [personId]);
  const own = records.find((r) => r.codec.entity === PERSON);
  if (!own) return null;

  const identities: AccessReport['identities'] = [];
  let createdAt = '';
  for (const { codec, id } of records) {
    const [row] = await rowsOf(db, codec, [id]);
    if (!row) continue;
    const { deletedAt, ...fields } = codec.snapshot(row) as Loose;
    if (codec.entity === PERSON) createdAt = row.created_at as string;
    identities.push({
      entity: codec.entity,
      id,
      fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, asText(v)])),
      createdAt: row.created_at as string,
      removedAt: asText(deletedAt),
    });
  }

  const erasure = await findErasure(db, personId);
  const { attendances, consents, profiles } = await personAttendanceRecords(db, personId);
  const workshops = new Map<string, Awaited<ReturnType<typeof findWorkshopRow>>>();
  for (const id of new Set(attendances.map((a) => a.workshop_id))) workshops.set(id, await findWorkshopRow(db, id));
  const profileById = new Map(profiles.map((p) => [p.id, p]));

  const participations: AccessReport['participations'] = attendances.map((a) => {
    const w = workshops.get(a.workshop_id);
    const profile = a.profile_id ? profileById.get(a.profile_id) : undefined;
    let answers: Record<string, string | number | null> | null = null;
    if (profile) {
      const { workshopId: _w, deletedAt: _d, ...rest } = syncedTables.profile.snapshot(profile);
      answers = rest;
    }
    return {
      attendanceId: a.id,
      workshop: w ? { id: w.id, title: w.title, startsAt: w.starts_at, endsAt: w.ends_at, venueName: w.venue_name } : null,
      status: a.status,
      source: a.source,
      checkedInAt: a.checked_in_at,
      recordedBy: a.recorded_by,
      removedAt: a.deleted_at,
      consents: consents
        .filter((c) => c.attendance_id === a.id)
        .map((c) => {
          const text = (consentTexts as Record<string, ConsentText>)[c.text_version];
          return {
            purpose: c.purpose,
            granted: c.granted === 1,
            textVersion: c.text_version,
            question: text ? { fr: text.question.fr, en: text.question.en } : { fr: '', en: '' },
            recordedAt: c.recorded_at,
            recordedBy: c.recorded_by,
            removedAt: c.deleted_at,
          };
        }),
      profile: answers,
    };
  });

  const proposals = (await proposalsCarriedBy(db, attendances.map((a) => a.id))).map((p) => ({
    id: p.id,
    title: p.title,
    status: p.status,
    workshopTitle: (p.workshop_id ? workshops.get(p.workshop_id)?.title : null) ?? null,
    capturedAt: p.captured_at,
  }));

  const months = await retentionMonths(db);
  const last = (await lastWorkshopEnds(db, [personId])).get(personId);
  return {
    subject: { entity: PERSON, id: personId },
    generatedAt: now.toISOString(),
    identities,
    erasure: erasure ? { erasedAt: erasure.erased_at, reason: erasure.reason, erasedBy: erasure.erased_by } : null,
    participations,
    proposals,
    purgeOn: erasure ? null : purgeDay(last?.endsAt ?? createdAt, months),
    retentionMonths: months,
  };
}
