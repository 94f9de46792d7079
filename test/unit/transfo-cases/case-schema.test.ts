/** The practical case's schemas refuse what a form or a desk must not send, and the list's glance counts right. */
import { describe, expect, it } from 'vitest';
import { caseSyncRecord } from './cases-kit.js';
import { transfoCaseRecordSchema, caseAttachmentShas } from '#shared/transfo/case-sync.schema.js';
import { caseGlance, caseJournalInputSchema, caseOpeningSchema, caseUpdateInputSchema, caseVideoInputSchema } from '#shared/transfo/case.schema.js';
import { CASE_LIMITS } from '#shared/transfo/case-values.js';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const W1 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a51';
const W2 = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a52';
const SHA = 'a'.repeat(64);

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('the schemas of a practical case', () => {
  it('a new case needs a title and a direction of the City, and methods of the shared list, each once', () => {
    expect(issues(caseOpeningSchema.safeParse({ title: ' ', direction: 'DAC', service: '', question: '', usersMet: '', methods: [] }))).toEqual(['title: validation.required']);
    expect(issues(caseOpeningSchema.safeParse({ title: 'Accueil', direction: 'Dir. Culture', service: '', question: '', usersMet: '', methods: [] }))).toEqual([
      'direction: validation.required',
    ]);
    expect(issues(caseOpeningSchema.safeParse({ title: 'Accueil', direction: 'DAC', service: '', question: '', usersMet: '', methods: ['interviews', 'interviews'] }))).toEqual([
      'methods: validation.invalid',
    ]);
    expect(caseOpeningSchema.safeParse({ title: 'Accueil', direction: 'DAC', service: '', question: '', usersMet: '', methods: ['brainstorming'] }).success).toBe(false);
  });

  it('an update names at least one part, and each part keeps its limits', () => {
    expect(issues(caseUpdateInputSchema.safeParse({ id: ID, version: 1, fields: {} }))).toEqual(['fields: validation.required']);
    const many = Array.from({ length: CASE_LIMITS.insights + 1 }, (_, i) => `Enseignement ${i}`);
    expect(issues(caseUpdateInputSchema.safeParse({ id: ID, version: 1, fields: { insights: many } }))).toEqual([`fields.insights: validation.tooMany:${CASE_LIMITS.insights}`]);
    expect(issues(caseUpdateInputSchema.safeParse({ id: ID, version: 1, fields: { nextSteps: [{ text: 'Tester', owner: ' ', due: null, done: false }] } }))).toEqual([
      'fields.nextSteps.0.owner: validation.required',
    ]);
    expect(issues(caseUpdateInputSchema.safeParse({ id: ID, version: 1, fields: { sessions: [W1, W1] } }))).toEqual(['fields.sessions: validation.invalid']);
    // A PDF is not a prototype's medium.
    expect(
      caseUpdateInputSchema.safeParse({ id: ID, version: 1, fields: { prototypes: [{ title: 'Maquette', description: '', attachments: [{ sha256: SHA, mediaType: 'application/pdf' }] }] } }).success,
    ).toBe(false);
  });

  it('a journal entry names its session or its day', () => {
    expect(issues(caseJournalInputSchema.safeParse({ id: ID, version: 1, entry: { workshopId: null, date: null, summary: 'Entretiens' } }))).toEqual([
      'entry.date: validation.caseJournalWhen',
    ]);
    expect(caseJournalInputSchema.safeParse({ id: ID, version: 1, entry: { workshopId: W1, date: null, summary: 'Entretiens' } }).success).toBe(true);
    expect(caseJournalInputSchema.safeParse({ id: ID, version: 1, entry: { workshopId: null, date: '2026-02-30', summary: 'Entretiens' } }).success).toBe(false);
  });

  it('a video is an mp4 or a webm, under its limit', () => {
    expect(caseVideoInputSchema.safeParse({ mediaType: 'video/mp4', base64: 'AAAA' }).success).toBe(true);
    expect(issues(caseVideoInputSchema.safeParse({ mediaType: 'video/quicktime', base64: 'AAAA' }))).toEqual(['mediaType: validation.mediaType']);
    expect(issues(caseVideoInputSchema.safeParse({ mediaType: 'video/webm', base64: 'A'.repeat(Math.ceil((32 * 1024 * 1024) / 3) * 4 + 4) }))).toEqual([
      'base64: validation.videoTooBig',
    ]);
  });

  it('the synced record is strict, and the portal finds every attachment of its prototypes', () => {
    const record = caseSyncRecord({ prototypes: [{ title: 'A', description: '', attachments: [{ sha256: SHA, mediaType: 'image/jpeg' }, { sha256: 'b'.repeat(64), mediaType: 'video/mp4' }] }] });
    expect(transfoCaseRecordSchema.safeParse(record).success).toBe(true);
    expect(transfoCaseRecordSchema.safeParse({ ...record, residentName: 'x' }).success).toBe(false);
    expect(caseAttachmentShas(record.prototypes)).toEqual([SHA, 'b'.repeat(64)]);
    expect(caseAttachmentShas('not a list')).toEqual([]);
  });
});

describe('a case at a glance', () => {
  const base = { id: ID, version: 3, ...caseSyncRecord() };

  it('counts open next steps and those overdue against today, not the done ones nor those without a day', () => {
    const glance = caseGlance(
      {
        ...base,
        nextSteps: [
          { text: 'Restituer', owner: 'Inès Lab', due: '2026-03-01', done: false },
          { text: 'Tester', owner: 'Paul DAC', due: '2026-03-10', done: false },
          { text: 'Appeler', owner: 'Paul DAC', due: '2026-02-01', done: true },
          { text: 'Écrire', owner: 'Inès Lab', due: null, done: false },
        ],
      },
      '2026-03-05',
    );
    expect(glance).toMatchObject({ openNextSteps: 3, overdueNextSteps: 1 });
    // Due today is not overdue yet.
    expect(caseGlance({ ...base, nextSteps: [{ text: 'Restituer', owner: 'Inès', due: '2026-03-05', done: false }] }, '2026-03-05').overdueNextSteps).toBe(0);
  });

  it('says the last journal day whatever the order, and counts each session once, journal sessions included', () => {
    const glance = caseGlance(
      {
        ...base,
        sessions: [W1],
        journal: [
          { date: '2026-03-12', workshopId: W2, summary: 'Prototype' },
          { date: '2026-01-20', workshopId: W1, summary: 'Cadrage' },
          { date: '2026-02-02', workshopId: null, summary: 'Entretiens' },
        ],
      },
      '2026-03-20',
    );
    expect(glance).toMatchObject({ sessions: 2, lastJournalDate: '2026-03-12' });
    expect(caseGlance(base, '2026-03-20')).toMatchObject({ sessions: 0, lastJournalDate: null, openNextSteps: 0, overdueNextSteps: 0 });
  });

  it('lists the methods in the shared order', () => {
    expect(caseGlance({ ...base, methods: ['user_tests', 'immersion'] }, '2026-03-20').methods).toEqual(['immersion', 'user_tests']);
  });
});
