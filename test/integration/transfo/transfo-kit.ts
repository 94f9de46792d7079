/**
 * La Transfo's recruiting on the real core (test-core.ts: real migrations, real dispatch, an
 * encrypted data folder, a settable clock): a call for volunteers and candidates typed by the
 * lab. Not a test file itself.
 */
import type { CommandInput } from '#shared/contract.js';
import { defaultBalanceRules } from '#shared/transfo/candidate.schema.js';
import type { CandidateFieldsInput } from '#shared/transfo/transfo.schema.js';
import { openDataFolder } from '#test/support/vault.js';
import { openTestCore, type TestCoreOptions } from '../../unit/core/test-core.js';

export const ACTOR = 'Inès Lab';

export const campaignFields = (overrides: Partial<CommandInput<'transfo:create-campaign'>['fields']> = {}): CommandInput<'transfo:create-campaign'>['fields'] => ({
  title: 'La Transfo — appel 2016',
  opensOn: '2016-01-11',
  closesOn: '2016-02-12',
  profileSought: 'Des agents curieux, prêts à tester de nouvelles façons de travailler.',
  balanceRules: defaultBalanceRules,
  ...overrides,
});

let counter = 0;

export function candidateFields(overrides: Partial<CandidateFieldsInput> = {}): CandidateFieldsInput {
  counter++;
  return {
    fullName: `Agent ${counter}`,
    email: '',
    direction: 'DAC',
    service: 'Bureau des bibliothèques',
    category: 'B',
    job: 'Chargée de projets',
    yearsInCity: 8,
    motivation: 'Faire autrement.',
    managerAgreement: true,
    managerAgreedOn: '2016-01-20',
    availability: 'all_sessions',
    gender: null,
    meetingNotes: '',
    keepForNextCall: false,
    ...overrides,
  };
}

export async function transfoWorld(options: TestCoreOptions = {}) {
  const core = await openTestCore({ now: '2016-01-15T09:00:00.000Z', currentActor: () => ACTOR, ...options });
  const world = {
    core,
    close: () => core.close(),
    campaign: (overrides: Parameters<typeof campaignFields>[0] = {}) => core.must('transfo:create-campaign', { fields: campaignFields(overrides) }),
    candidate: (campaignId: string, overrides: Partial<CandidateFieldsInput> = {}) =>
      core.must('transfo:create-candidate', { campaignId, fields: candidateFields(overrides) }),
    /** Moves a candidate (read afresh, at its current version). */
    async move(id: string, to: CommandInput<'transfo:move-stage'>['to'], extra: Partial<CommandInput<'transfo:move-stage'>> = {}) {
      const c = await core.must('transfo:candidate', { id });
      return core.invoke('transfo:move-stage', { id, version: c.version, to, ...extra });
    },
    async becomeField() {
      const rw = await openDataFolder(core.dataDir, { readonly: false });
      rw.prepare(`insert into device_meta (key, value) values ('portal_role', 'field') on conflict (key) do update set value = excluded.value`).run();
      rw.close();
    },
  };
  return world;
}

export type TransfoWorld = Awaited<ReturnType<typeof transfoWorld>>;
