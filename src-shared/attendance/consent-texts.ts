/**
 * The consent texts shown to a participant, versioned. The version recorded with a consent is
 * the key of the text on screen (and printed on the sign-in sheet), so that the lab can always
 * say which words a person agreed to. A changed wording gets a NEW version; old ones stay here
 * forever, because consents recorded under them still point to them.
 */

export const consentPurposes = ['contact', 'study'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export interface ConsentText {
  purpose: ConsentPurpose;
  /** What the person is asked, in one sentence. */
  question: { fr: string; en: string };
  /** Why it is asked, that it is optional, and who will see it (UX.md, principle 5). */
  explanation: { fr: string; en: string };
}

const NBSP = '\u00a0';

export const consentTexts = {
  'contact-2026-11': {
    purpose: 'contact',
    question: {
      fr: `Acceptez-vous que la Ville de Paris vous recontacte au sujet de ce budget participatif${NBSP}?`,
      en: 'Do you agree that the City of Paris may contact you again about this participatory budget?',
    },
    explanation: {
      fr: `C’est facultatif. Vos coordonnées servent seulement à vous tenir informé·e des suites de vos projets. Seule l’équipe du budget participatif de la Ville de Paris les voit. Vous pouvez changer d’avis à tout moment.`,
      en: 'This is optional. Your contact details are used only to tell you what happens to your projects. Only the City of Paris participatory budget team sees them. You can change your mind at any time.',
    },
  },
  'study-2026-11': {
    purpose: 'study',
    question: {
      fr: `Acceptez-vous de répondre à quelques questions anonymes pour l’étude de la participation${NBSP}?`,
      en: 'Do you agree to answer a few anonymous questions for the study of who takes part?',
    },
    explanation: {
      fr: `C’est facultatif. Vos réponses (âge, lieu de vie, première participation…) sont enregistrées sans votre nom, pour savoir qui participe et mieux inviter les quartiers populaires. Seul le laboratoire d’innovation de la Ville les lit, et aucun groupe de moins de 5 personnes n’est jamais affiché.`,
      en: 'This is optional. Your answers (age, where you live, first time or not…) are stored without your name, to learn who takes part and better reach working-class neighbourhoods. Only the City’s innovation lab reads them, and no group of fewer than 5 people is ever shown.',
    },
  },
} as const satisfies Record<string, ConsentText>;

export type ConsentTextVersion = keyof typeof consentTexts;
export const consentTextVersions = Object.keys(consentTexts) as ConsentTextVersion[];

/** The text shown today for each purpose: what the screens and the sign-in sheet use. */
export const currentConsentVersion: Record<ConsentPurpose, ConsentTextVersion> = {
  contact: 'contact-2026-11',
  study: 'study-2026-11',
};

export function isConsentVersionFor(version: string, purpose: ConsentPurpose): boolean {
  const text = (consentTexts as Record<string, ConsentText>)[version];
  return text !== undefined && text.purpose === purpose;
}
