/**
 * What the arrival forms hold while a person types (strings and unanswered choices), and how
 * it becomes the command's input. Unanswered consents are simply not sent; the profile is sent
 * only when the study was agreed to (the core refuses it otherwise anyway).
 */
import { currentConsentVersion } from '../../../../src-shared/attendance/consent-texts';
import type { ConsentInput } from '../../../../src-shared/attendance/attendance.schema';

export interface PersonValues {
  name: string;
  email: string;
  phone: string;
  citizenCardNumber: string;
}

export interface ProfileValues {
  ageBracket: string | null;
  residence: string | null;
  residenceArrondissement: string | null;
  residenceCommune: string;
  livesInQpv: string | null;
  gender: string;
  occupationCategory: string | null;
  firstParticipation: string | null;
  neighbourhoodCouncilMember: string | null;
  associationMember: string | null;
  associationName: string;
}

export interface ArrivalValues {
  person: PersonValues;
  contact: 'yes' | 'no' | null;
  study: 'yes' | 'no' | null;
  profile: ProfileValues;
}

export const emptyArrival = (): ArrivalValues => ({
  person: { name: '', email: '', phone: '', citizenCardNumber: '' },
  contact: null,
  study: null,
  profile: {
    ageBracket: null,
    residence: null,
    residenceArrondissement: null,
    residenceCommune: '',
    livesInQpv: null,
    gender: '',
    occupationCategory: null,
    firstParticipation: null,
    neighbourhoodCouncilMember: null,
    associationMember: null,
    associationName: '',
  },
});

export function consentsOf(v: ArrivalValues, purposes: readonly ('contact' | 'study')[] = ['contact', 'study']): ConsentInput[] {
  const out: ConsentInput[] = [];
  for (const purpose of purposes) {
    const choice = v[purpose];
    if (choice) out.push({ purpose, granted: choice === 'yes', textVersion: currentConsentVersion[purpose] });
  }
  return out;
}

/** The profile as the schema reads it; unanswered choices stay undefined so the schema names them. */
export function profileOf(v: ArrivalValues) {
  if (v.study !== 'yes') return null;
  const p = v.profile;
  return {
    ageBracket: p.ageBracket ?? undefined,
    residence: p.residence ?? undefined,
    residenceArrondissement: p.residenceArrondissement ? Number(p.residenceArrondissement) : null,
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
