/**
 * The study's words, in French and English, in one place: the renderer's i18n messages are
 * built from them (src-renderer/features/study/messages.ts) and the core writes them into the
 * exported files, so the screen and the files always name a figure the same way.
 */
import { PB_THEMES } from '../reference/pb-themes.js';

export type StudyLanguage = 'fr' | 'en';

const themeEn: Record<string, string> = {
  'attractivite-emploi': 'Attractiveness and jobs',
  'cadre-de-vie': 'Living environment',
  'culture-patrimoine': 'Culture and heritage',
  'education-jeunesse': 'Education and youth',
  environnement: 'Environment',
  mobilites: 'Getting around',
  'prevention-securite': 'Prevention and safety',
  proprete: 'Cleanliness',
  sante: 'Health',
  solidarites: 'Solidarity',
  sport: 'Sport',
};

const arrondissementFr = (n: number) => `${n === 1 ? '1er' : `${n}e`}\u00a0arrondissement`;
const arrondissementEn = (n: number) => {
  const suffix = { one: 'st', two: 'nd', few: 'rd', other: 'th', zero: 'th', many: 'th' }[new Intl.PluralRules('en', { type: 'ordinal' }).select(n)];
  return `${n}${suffix} arrondissement`;
};

export const studyLabels = {
  fr: {
    masked: '< 5',
    complement: 'masqué',
    tables: {
      ageBracket: 'Âge',
      residence: 'Lieu de résidence',
      livesInQpv: 'Habite un quartier populaire (QPV)',
      firstParticipation: 'Première participation au budget participatif',
      gender: 'Genre',
      neighbourhoodCouncilMember: 'Membre d’un conseil de quartier',
      associationMember: 'Membre d’une association',
      theme: 'Propositions par thème',
      neighbourhoodClass: 'Propositions par type de quartier',
      ageBracketByTheme: 'Personnes qui soutiennent, par âge et par thème',
      livesInQpvByTheme: 'Personnes qui soutiennent, selon qu’elles habitent un QPV, par thème',
      headline: 'Chiffres clés',
    },
    headline: {
      participants: 'Personnes présentes',
      withProfile: 'Personnes ayant répondu à l’étude',
      proposals: 'Propositions',
      supports: 'Soutiens',
      dots: 'Gommettes',
      workshops: 'Ateliers',
    },
    ageBracket: {
      '0_15': 'Moins de 16\u00a0ans',
      '16_25': '16 à 25\u00a0ans',
      '26_40': '26 à 40\u00a0ans',
      '41_60': '41 à 60\u00a0ans',
      '61_75': '61 à 75\u00a0ans',
      '76_plus': '76\u00a0ans et plus',
      not_said: 'Ne souhaite pas dire',
    } as Record<string, string>,
    residence: { paris: 'Paris (arrondissement non précisé)', outside_paris: 'Hors de Paris', unknown: 'Ne souhaite pas dire' } as Record<string, string>,
    yesNoUnknown: { yes: 'Oui', no: 'Non', unknown: 'Ne sait pas / ne dit pas' } as Record<string, string>,
    neighbourhoodClass: { qpv: 'Quartier populaire (QPV)', veille_active: 'Quartier de veille active', other: 'Autre quartier' } as Record<string, string>,
    notSaid: 'Non renseigné',
    gender: {
      woman: 'Femme',
      man: 'Homme',
      non_binary: 'Non binaire',
      self_described: 'Autre réponse, dans ses propres mots',
      not_said: 'Non renseigné',
    } as Record<string, string>,
    total: 'Total',
    columns: { table: 'Tableau', category: 'Catégorie', column: 'Colonne', count: 'Effectif', share: 'Part (%)' },
    scope: { workshop: 'Atelier', period: 'Période', all: 'Tous les ateliers', arrondissement: 'Ateliers du' },
    maskingNote:
      'Pour que personne ne puisse être reconnu, tout groupe de moins de 5\u00a0personnes est masqué («\u00a0< 5\u00a0»)\u00a0; quand un tableau a un groupe masqué, le plus petit des autres groupes est masqué aussi («\u00a0masqué\u00a0», il compte 5\u00a0personnes ou plus), pour qu’on ne puisse pas retrouver le premier par soustraction.',
    pdfTitle: 'Étude sociologique des ateliers de co-construction',
    generatedAt: 'Produit le',
    arrondissement: arrondissementFr,
    theme: (code: string) => PB_THEMES.find((t) => t.code === code)?.label ?? code,
  },
  en: {
    masked: '< 5',
    complement: 'hidden',
    tables: {
      ageBracket: 'Age',
      residence: 'Place of residence',
      livesInQpv: 'Lives in a priority neighbourhood (QPV)',
      firstParticipation: 'First time taking part in the participatory budget',
      gender: 'Gender',
      neighbourhoodCouncilMember: 'Member of a neighbourhood council',
      associationMember: 'Member of an association',
      theme: 'Proposals by theme',
      neighbourhoodClass: 'Proposals by kind of neighbourhood',
      ageBracketByTheme: 'Supporters by age and theme',
      livesInQpvByTheme: 'Supporters by whether they live in a QPV, by theme',
      headline: 'Key figures',
    },
    headline: {
      participants: 'People present',
      withProfile: 'People who answered the study',
      proposals: 'Proposals',
      supports: 'Supports',
      dots: 'Dots',
      workshops: 'Workshops',
    },
    ageBracket: {
      '0_15': 'Under 16',
      '16_25': '16 to 25',
      '26_40': '26 to 40',
      '41_60': '41 to 60',
      '61_75': '61 to 75',
      '76_plus': '76 and over',
      not_said: 'Prefers not to say',
    } as Record<string, string>,
    residence: { paris: 'Paris (arrondissement not said)', outside_paris: 'Outside Paris', unknown: 'Prefers not to say' } as Record<string, string>,
    yesNoUnknown: { yes: 'Yes', no: 'No', unknown: 'Does not know / say' } as Record<string, string>,
    neighbourhoodClass: { qpv: 'Priority neighbourhood (QPV)', veille_active: 'Neighbourhood under watch', other: 'Other neighbourhood' } as Record<string, string>,
    notSaid: 'Not given',
    gender: {
      woman: 'Woman',
      man: 'Man',
      non_binary: 'Nonbinary',
      self_described: 'Another answer, in their own words',
      not_said: 'Not given',
    } as Record<string, string>,
    total: 'Total',
    columns: { table: 'Table', category: 'Category', column: 'Column', count: 'Count', share: 'Share (%)' },
    scope: { workshop: 'Workshop', period: 'Period', all: 'All workshops', arrondissement: 'Workshops in' },
    maskingNote:
      'So that nobody can be recognised, any group of fewer than 5 people is masked ("< 5"); when a table has a masked group, the smallest other group is hidden too ("hidden", 5 people or more), so that the first cannot be found by subtraction.',
    pdfTitle: 'Sociology study of the co-construction workshops',
    generatedAt: 'Produced on',
    arrondissement: arrondissementEn,
    theme: (code: string) => themeEn[code] ?? code,
  },
};

const yesNoTables = new Set(['livesInQpv', 'firstParticipation', 'neighbourhoodCouncilMember', 'associationMember']);

/** The label of a category of a table (or of a cross table's row or column dimension). */
export function categoryLabel(language: StudyLanguage, dimension: string, key: string): string {
  const l = studyLabels[language];
  if (dimension === 'ageBracket') return l.ageBracket[key] ?? key;
  if (dimension === 'residence') {
    const arr = /^arr-(\d+)$/.exec(key);
    return arr ? l.arrondissement(Number(arr[1])) : (l.residence[key] ?? key);
  }
  if (yesNoTables.has(dimension)) return l.yesNoUnknown[key] ?? key;
  // Only the closed categories of gender-categories.ts: never the words a person typed.
  if (dimension === 'gender') return l.gender[key] ?? l.gender.self_described!;
  if (dimension === 'theme') return l.theme(key);
  if (dimension === 'neighbourhoodClass') return l.neighbourhoodClass[key] ?? key;
  return key;
}

/** The row dimension of a cross table (its columns are always themes). */
export const crossRowDimension = { ageBracketByTheme: 'ageBracket', livesInQpvByTheme: 'livesInQpv' } as const;
