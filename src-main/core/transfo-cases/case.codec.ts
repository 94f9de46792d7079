/**
 * How `transfo_cases` holds a practical case (src-shared/transfo/case-sync.schema.ts) and how it
 * travels. No `personal` declaration: a case names no resident (`usersMet` says who was met,
 * never their names), and the owners of its next steps are lab members or City agents acting for
 * the City (test/unit/people/personal-declarations.test.ts says so; docs/transfo-cases.md).
 */
import type { z } from 'zod';
import type { CaseDecision, CaseJournalEntry, CaseNextStep, CasePrototype, transfoCaseRecordSchema } from '#shared/transfo/case-sync.schema.js';
import type { CaseState } from '#shared/transfo/case-values.js';
import type { DirectionCode } from '#shared/transfo/directions.js';
import type { DesignMethod } from '#shared/transfo/methods.js';
import { column, defineCodec, json, nullable, text, type Stored } from '../store/codec.js';

export type CaseRecord = Stored<z.output<typeof transfoCaseRecordSchema>, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export const transfoCaseCodec = defineCodec<CaseRecord, 'transfo_cases'>()({
  entity: 'transfo_case',
  table: 'transfo_cases',
  changedEvent: 'transfoCases:changed',
  fields: {
    campaignId: column('campaign_id', text()),
    title: column('title', text()),
    direction: column('direction', text<DirectionCode>()),
    service: column('service', text()),
    question: column('question', text()),
    usersMet: column('users_met', text()),
    methods: column('methods', json<DesignMethod[]>()),
    insights: column('insights', json<string[]>()),
    prototypes: column('prototypes', json<CasePrototype[]>()),
    decisions: column('decisions', json<CaseDecision[]>()),
    nextSteps: column('next_steps', json<CaseNextStep[]>()),
    state: column('state', text<CaseState>()),
    sessions: column('sessions', json<string[]>()),
    journal: column('journal', json<CaseJournalEntry[]>()),
    deletedAt: column('deleted_at', nullable(text())),
  },
  local: ['id', 'version', 'createdAt', 'updatedAt'],
  label: (c) => ({ key: 'syncCenter.records.transfo_case', values: { title: c.title } }),
});
