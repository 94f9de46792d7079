/**
 * Helpers for the attendance tests: a planned workshop on a real core, and typical inputs as
 * a facilitator would give them. Not a test file itself.
 */
import { currentConsentVersion } from '#shared/attendance/consent-texts.js';
import type { ProfileInput } from '#shared/attendance/participant.schema.js';
import type { CommandInput } from '#shared/contract.js';
import type { Workshop } from '#shared/workshops/workshop.schema.js';
import { workshopFields, type TestCore } from '../core/test-core.js';

export const facilitator = 'Camille Martin';

export const studyYes = { purpose: 'study', granted: true, textVersion: currentConsentVersion.study } as const;
export const studyNo = { purpose: 'study', granted: false, textVersion: currentConsentVersion.study } as const;
export const contactYes = { purpose: 'contact', granted: true, textVersion: currentConsentVersion.contact } as const;

export const profile = (overrides: Partial<ProfileInput> = {}): ProfileInput => ({
  ageBracket: '26_40',
  residence: 'paris',
  residenceArrondissement: 18,
  livesInQpv: 'yes',
  gender: 'femme',
  occupationCategory: 'employed',
  firstParticipation: 'yes',
  neighbourhoodCouncilMember: 'no',
  associationMember: 'yes',
  associationName: 'Salle Saint-Bruno',
  ...overrides,
});

export async function plannedWorkshop(core: TestCore): Promise<Workshop> {
  return core.must('workshops:create', workshopFields());
}

export function register(core: TestCore, workshopId: string, name: string, email: string | null = null) {
  return core.must('attendance:register', { workshopId, person: { name, email }, recordedBy: facilitator });
}

export function walkIn(core: TestCore, input: Omit<CommandInput<'attendance:walk-in'>, 'recordedBy'>) {
  return core.must('attendance:walk-in', { recordedBy: facilitator, ...input });
}

export function count(core: TestCore, sql: string, ...params: unknown[]): number {
  return (core.sqlite.prepare(sql).get(...params) as { n: number }).n;
}
