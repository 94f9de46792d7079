import { describe, expect, it } from 'vitest';
import { transfoAttendanceRecordSchema, transfoSessionRecordSchema } from '#shared/transfo/training-sync.schema.js';
import { attendanceRecordInputSchema, moduleFieldsSchema, sessionFieldsSchema, trainingWorkshopFieldsSchema } from '#shared/transfo/training.schema.js';

const id = '5f0c7d0e-2b1a-4c3d-9e8f-0a1b2c3d4e5f';
const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('the training schemas', () => {
  it('a module needs a method of design thinking and a title', () => {
    expect(messages(moduleFieldsSchema.safeParse({ method: 'juggling', title: ' ', objectives: '', order: 1 }))).toEqual({
      method: 'validation.invalid',
      title: 'validation.required',
    });
    expect(moduleFieldsSchema.safeParse({ method: 'prototyping', title: 'Prototyper', objectives: '', order: 3 }).success).toBe(true);
  });

  it('a session has 1 to 3 days, on different dates', () => {
    const day = (date: string) => ({ date, moduleIds: [id] });
    expect(messages(sessionFieldsSchema.safeParse({ days: [], facilitators: [], residentDesigners: [] }))).toEqual({ days: 'validation.required' });
    expect(messages(sessionFieldsSchema.safeParse({ days: ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'].map(day), facilitators: [], residentDesigners: [] }))).toEqual({
      days: 'validation.tooMany:3',
    });
    expect(messages(sessionFieldsSchema.safeParse({ days: [day('2026-03-02'), day('2026-03-02')], facilitators: [], residentDesigners: [] }))).toEqual({ days: 'validation.sessionDayTwice' });
    expect(transfoSessionRecordSchema.safeParse({ workshopId: id, campaignId: id, days: [day('2026-03-02')], facilitators: ['Léa'], residentDesigners: [], deletedAt: null }).success).toBe(true);
  });

  it('the workshop of a session ends after it starts', () => {
    const w = { title: 'Session de mars', startsAt: '2026-03-03T09:00', endsAt: '2026-03-02T17:00', venueName: 'Lab', venueAddress: '', arrondissement: 4 };
    expect(messages(trainingWorkshopFieldsSchema.safeParse(w))).toEqual({ endsAt: 'validation.endBeforeStart' });
  });

  it('an attendance is present, absent or excused, on day 0 to 2; erased, its status is null', () => {
    expect(messages(attendanceRecordInputSchema.safeParse({ sessionId: id, day: 3, candidateId: id, status: 'late' }))).toEqual({
      day: 'validation.sessionDay',
      status: 'validation.required',
    });
    expect(transfoAttendanceRecordSchema.safeParse({ sessionId: id, campaignId: id, day: 0, candidateId: id, personId: id, status: null, deletedAt: null }).success).toBe(true);
  });
});
