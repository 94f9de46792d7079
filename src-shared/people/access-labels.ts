/**
 * The words of the access report (the PDF handed to the person, and the person's screen), in
 * French and English, in one place: the core writes them into the PDF and the renderer's
 * messages (src-renderer/features/people/messages.ts) take the same ones, so the file and the
 * screen name each thing the same way.
 */
import { categoryLabel } from '../study/study-labels.js';

const N = '\u00a0';

export type AccessLanguage = 'fr' | 'en';

export const accessLabels = {
  fr: {
    title: 'Vos données personnelles dans Atelier',
    intro:
      'Ce document répond à une demande d’accès (RGPD, article 15). Il contient tout ce qu’Atelier, l’outil des ateliers de participation de la Ville de Paris, garde à votre sujet sur cet ordinateur.',
    generatedAt: 'Produit le',
    reference: 'Référence',
    identity: 'Identité',
    fields: { name: 'Nom', email: 'E-mail', phone: 'Téléphone', citizenCardNumber: 'N° de Carte citoyenne' } as Record<string, string>,
    empty: '(non renseigné)',
    recordedOn: 'Enregistrée le',
    removedOn: 'Retirée (erreur de saisie) le',
    erasedOn: 'Identité effacée le',
    reasons: { request: 'à votre demande', retention: 'à la fin de la durée de conservation' } as Record<string, string>,
    participations: 'Participations aux ateliers',
    noParticipation: 'Aucune participation enregistrée.',
    unknownWorkshop: 'Atelier inconnu sur cet ordinateur',
    statuses: { registered: 'Attendu·e', present: 'Présent·e', cancelled: 'A annulé', no_show: 'Absent·e' } as Record<string, string>,
    sources: { pre_registered: 'inscription', walk_in: 'venue sans inscription', paper: 'feuille papier' } as Record<string, string>,
    arrivedAt: 'Arrivée',
    recordedBy: 'Noté par',
    consents: 'Consentements',
    noConsent: 'Aucun consentement demandé.',
    purposes: { contact: 'Être recontacté·e par la Ville', study: 'Répondre à l’étude anonyme' } as Record<string, string>,
    granted: 'Oui',
    refused: 'Non',
    textVersion: 'Texte',
    question: 'Question posée',
    profile: 'Réponses à l’étude (anonymes, sans votre nom ; elles restent après un effacement)',
    profileFields: {
      ageBracket: 'Tranche d’âge',
      residence: 'Lieu de vie',
      residenceArrondissement: 'Arrondissement',
      residenceCommune: 'Commune',
      livesInQpv: 'Habite un quartier populaire (QPV)',
      gender: 'Genre',
      occupationCategory: 'Activité',
      firstParticipation: 'Première participation',
      neighbourhoodCouncilMember: 'Membre d’un conseil de quartier',
      associationMember: 'Membre d’une association',
      associationName: 'Association',
    } as Record<string, string>,
    occupations: {
      student: 'Élève ou étudiant·e',
      employed: 'Salarié·e',
      self_employed: 'À son compte',
      job_seeker: 'En recherche d’emploi',
      retired: 'Retraité·e',
      at_home: 'Au foyer',
      other: 'Autre',
      not_said: 'Ne souhaite pas dire',
    } as Record<string, string>,
    proposals: 'Propositions que vous avez portées',
    noProposal: 'Aucune proposition.',
    retention: 'Durée de conservation',
    purgeOn: (date: string, months: number) => `Votre identité sera effacée le ${date} (${months}${N}mois après votre dernier atelier).`,
    alreadyErased: 'Votre identité a été effacée.',
    rights: `Vous pouvez demander la rectification ou l’effacement de ces données à l’équipe du Lab d’innovation de la Ville de Paris${N}; l’effacement vaut aussi pour le portail de la Ville et les autres ordinateurs.`,
    page: 'Page',
  },
  en: {
    title: 'Your personal data in Atelier',
    intro:
      'This document answers a request for access (GDPR, article 15). It holds everything Atelier, the City of Paris’ tool for participation workshops, keeps about you on this computer.',
    generatedAt: 'Produced on',
    reference: 'Reference',
    identity: 'Identity',
    fields: { name: 'Name', email: 'E-mail', phone: 'Phone', citizenCardNumber: 'Citizen Card number' } as Record<string, string>,
    empty: '(not given)',
    recordedOn: 'Recorded on',
    removedOn: 'Removed (typing mistake) on',
    erasedOn: 'Identity erased on',
    reasons: { request: 'at your request', retention: 'at the end of the retention period' } as Record<string, string>,
    participations: 'Taking part in workshops',
    noParticipation: 'No participation recorded.',
    unknownWorkshop: 'Workshop not held on this computer',
    statuses: { registered: 'Expected', present: 'Present', cancelled: 'Cancelled', no_show: 'Absent' } as Record<string, string>,
    sources: { pre_registered: 'registration', walk_in: 'walked in', paper: 'paper sheet' } as Record<string, string>,
    arrivedAt: 'Arrived',
    recordedBy: 'Recorded by',
    consents: 'Consents',
    noConsent: 'No consent asked.',
    purposes: { contact: 'Being contacted again by the City', study: 'Answering the anonymous study' } as Record<string, string>,
    granted: 'Yes',
    refused: 'No',
    textVersion: 'Text',
    question: 'Question asked',
    profile: 'Study answers (anonymous, without your name; they stay after an erasure)',
    profileFields: {
      ageBracket: 'Age bracket',
      residence: 'Where you live',
      residenceArrondissement: 'Arrondissement',
      residenceCommune: 'Town',
      livesInQpv: 'Lives in a priority neighbourhood (QPV)',
      gender: 'Gender',
      occupationCategory: 'Occupation',
      firstParticipation: 'First time taking part',
      neighbourhoodCouncilMember: 'Member of a neighbourhood council',
      associationMember: 'Member of an association',
      associationName: 'Association',
    } as Record<string, string>,
    occupations: {
      student: 'Pupil or student',
      employed: 'Employee',
      self_employed: 'Self-employed',
      job_seeker: 'Looking for work',
      retired: 'Retired',
      at_home: 'At home',
      other: 'Other',
      not_said: 'Prefers not to say',
    } as Record<string, string>,
    proposals: 'Proposals you carried',
    noProposal: 'No proposal.',
    retention: 'How long it is kept',
    purgeOn: (date: string, months: number) => `Your identity will be erased on ${date} (${months} months after your last workshop).`,
    alreadyErased: 'Your identity was erased.',
    rights: 'You may ask the City of Paris innovation lab to correct or erase these data; an erasure also applies to the City’s portal and the other computers.',
    page: 'Page',
  },
} as const;

/** A study answer as the person reads it back: the study's own category names where it has them. */
export function profileAnswerText(language: AccessLanguage, field: string, value: string | number | null): string {
  const l = accessLabels[language];
  if (value === null || value === '') return l.empty;
  if (field === 'occupationCategory') return l.occupations[String(value)] ?? String(value);
  if (field === 'residenceArrondissement') return categoryLabel(language, 'residence', `arr-${value}`);
  if (['ageBracket', 'residence', 'livesInQpv', 'firstParticipation', 'neighbourhoodCouncilMember', 'associationMember'].includes(field)) {
    return categoryLabel(language, field, String(value));
  }
  // The gender, a commune, an association: the person's own words, given back to them.
  return String(value);
}

/** A Paris calendar day (`YYYY-MM-DD`) as people read it: « dimanche 14 mars 2027 », « Sunday 14 March 2027 ». */
export function dayText(day: string, language: AccessLanguage): string {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  for (const p of format.formatToParts(new Date(`${day}T12:00:00Z`))) parts[p.type] = p.value;
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}
