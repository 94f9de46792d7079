/** Practical cases for the tests: a synced record with nothing in its lists. Not a test file itself. */
import { randomBytes } from 'node:crypto';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '#db/schema.js';
import type { CommandInput } from '#shared/contract.js';
import type { CaseOpening } from '#shared/transfo/case.schema.js';
import { defaultBalanceRules } from '#shared/transfo/candidate.schema.js';
import { openTestCore, workshopFields, type TestCoreOptions } from '../core/test-core.js';
import type { TransfoCaseFields } from '#shared/transfo/case-sync.schema.js';
import type { WorkshopKind } from '#shared/workshops/workshop.schema.js';

export const CAMPAIGN = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a00';

export function caseSyncRecord(overrides: Partial<TransfoCaseFields> = {}): TransfoCaseFields {
  return {
    campaignId: CAMPAIGN,
    title: 'L’accueil des familles à la mairie du 18e',
    direction: 'DDCT',
    service: 'Mairie du 18e',
    question: 'Comment mieux accueillir les familles qui viennent pour la première fois\u00a0?',
    usersMet: '12 familles à l’accueil, 4 agents',
    methods: ['immersion', 'interviews'],
    insights: [],
    prototypes: [],
    decisions: [],
    nextSteps: [],
    state: 'framing',
    sessions: [],
    journal: [],
    deletedAt: null,
    ...overrides,
  };
}

export const opening = (overrides: Partial<CaseOpening> = {}): CaseOpening => ({
  title: 'L’accueil des familles',
  direction: 'DDCT',
  service: 'Mairie du 18e',
  question: 'Comment mieux accueillir les familles\u00a0?',
  usersMet: '12 familles, 4 agents',
  methods: ['immersion'],
  ...overrides,
});

/** The real core (real migrations, real dispatch, a data folder for attachments), a call, and its cases. */
export async function casesWorld(options: TestCoreOptions = {}) {
  const core = await openTestCore({ now: '2026-03-05T09:00:00.000Z', currentActor: () => 'Inès Lab', ...options });
  const campaign = await core.must('transfo:create-campaign', {
    fields: { title: 'La Transfo 2026', opensOn: '2026-01-05', closesOn: '2026-01-30', profileSought: '', balanceRules: defaultBalanceRules },
  });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: core.sqlite }) });
  return {
    core,
    campaign,
    /** A read-only Kysely on the core's file, for the repository's reads. */
    db,
    newCase: (overrides: Partial<CaseOpening> = {}) => core.must('transfoCases:create', { campaignId: campaign.id, fields: opening(overrides) }),
    /** A workshop of `kind` starting at `startsAt` (Paris local time, `YYYY-MM-DDTHH:mm`). */
    session: (startsAt: string, kind: WorkshopKind = 'la_transfo_training') =>
      core.must('workshops:create', workshopFields({ kind, title: `Séance du ${startsAt.slice(0, 10)}`, startsAt, endsAt: `${startsAt.slice(0, 10)}T23:30` })),
    async update(id: string, fields: CommandInput<'transfoCases:update'>['fields']) {
      const c = await core.must('transfoCases:get', { id });
      return core.invoke('transfoCases:update', { id, version: c.version, fields });
    },
    async journal(id: string, entry: CommandInput<'transfoCases:add-journal-entry'>['entry']) {
      const c = await core.must('transfoCases:get', { id });
      return core.invoke('transfoCases:add-journal-entry', { id, version: c.version, entry });
    },
    async close() {
      await core.close();
    },
  };
}

/** Bytes with the first bytes of their type, as the core checks them: an MP4's `ftyp` box, WebM's EBML magic, a JPEG's SOI. */
export const mp4 = (size: number) => Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), randomBytes(size - 12)]);
export const webm = (size: number) => Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), randomBytes(size - 4)]);
export const jpeg = (size: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size - 6), Buffer.from([0xff, 0xd9])]);
