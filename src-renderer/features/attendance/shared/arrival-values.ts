/**
 * What the arrival forms hold while a person types (strings and unanswered choices), and how
 * it becomes the command's input. Unanswered consents are simply not sent, and neither are
 * answers equal to what is already recorded: editing consents never re-records (nor changes) a
 * consent already given. The profile is sent only when the study was agreed to (the core
 * refuses it otherwise anyway).
 */
import { currentConsentVersion } from '#shared/attendance/consent-texts.js';
import type { AttendanceView, ConsentInput } from '#shared/attendance/attendance.schema.js';

export interface PersonValues {
  name: string;
  email: string;
  phone: string;
  citizenCardNumber: string;
}

/**
 * The study answers. Every choice starts at « ne souhaite pas dire » / « ne sait pas », as the
 * form says it may stay: at the door only what the person answers takes a keystroke.
 */
export interface ProfileValues {
  ageBracket: string | null;
  residence: string | null;
  /** 1–20; drafts of older versions may hold it as a string. */
  residenceArrondissement: number | string | null;
  residenceCommune: string;
  livesInQpv: string | null;
  gender: string;
  occupationCategory: string | null;
  firstParticipation: string | null;
  neighbourhoodCouncilMember: string | null;
  associationMember: string | null;
  associationName: string;
}

export type YesNo = 'yes' | 'no' | null;

export interface ArrivalValues {
  person: PersonValues;
  contact: YesNo;
  study: YesNo;
  profile: ProfileValues;
  /** The study answers are already recorded, and the person chose to answer them again. */
  retakeProfile?: boolean;
}

export const emptyProfile = (): ProfileValues => ({
  ageBracket: 'not_said',
  residence: 'unknown',
  residenceArrondissement: null,
  residenceCommune: '',
  livesInQpv: 'unknown',
  gender: '',
  occupationCategory: 'not_said',
  firstParticipation: 'unknown',
  neighbourhoodCouncilMember: 'unknown',
  associationMember: 'unknown',
  associationName: '',
});

export const emptyArrival = (): ArrivalValues => ({
  person: { name: '', email: '', phone: '', citizenCardNumber: '' },
  contact: null,
  study: null,
  profile: emptyProfile(),
});

/** What this person already answered, as the form shows it: a recorded consent is never shown unticked. */
export function recordedAnswers(a: AttendanceView | null): { contact: YesNo; study: YesNo } {
  const answer = (c: { granted: boolean } | null | undefined): YesNo => (c ? (c.granted ? 'yes' : 'no') : null);
  return { contact: answer(a?.consents.contact), study: answer(a?.consents.study) };
}

/** The answers shown: a choice made in this form, or else the one recorded. */
export function shownAnswers(v: ArrivalValues, recorded: { contact: YesNo; study: YesNo }): { contact: YesNo; study: YesNo } {
  return { contact: v.contact ?? recorded.contact, study: v.study ?? recorded.study };
}

export function consentsOf(
  v: ArrivalValues,
  purposes: readonly ('contact' | 'study')[] = ['contact', 'study'],
  recorded: { contact: YesNo; study: YesNo } = { contact: null, study: null },
): ConsentInput[] {
  const out: ConsentInput[] = [];
  for (const purpose of purposes) {
    const choice = v[purpose];
    if (choice && choice !== recorded[purpose]) out.push({ purpose, granted: choice === 'yes', textVersion: currentConsentVersion[purpose] });
  }
  return out;
}

/**
 * The profile as the schema reads it, or null when it is not to be sent: no study, or the
 * answers already recorded and not asked again. Unanswered choices stay undefined so the
 * schema names them.
 */
export function profileOf(v: ArrivalValues, study: YesNo = v.study, asked = true) {
  if (study !== 'yes' || !asked) return null;
  const p = v.profile;
  const arrondissement = p.residenceArrondissement === null || p.residenceArrondissement === '' ? null : Number(p.residenceArrondissement);
  return {
    ageBracket: p.ageBracket ?? undefined,
    residence: p.residence ?? undefined,
    residenceArrondissement: arrondissement,
    residenceCommune: p.residenceCommune,
    livesInQpv: p.livesInQpv ?? undefined,
    gender: p.gender,
    occupationCategory: p.occupationCategory ?? undefined,
    firstParticipation: p.firstParticipation ?? undefined,
    neighbourhoodCouncilMember: p.neighbourhoodCouncilMember ?? undefined,
    associationMember: p.associationMember ?? undefined,
    associationName: p.associationName,
  };
}
