/**
 * The participatory budget's 11 official themes, in French as people read them (« Éducation »
 * with its accent). The City's winners file (resources/data/paris-pb-winning-projects.csv)
 * spells one without it; its labels are matched accents aside (see pb-winners.ts). The codes
 * are ours, stable slugs of the labels, so that a proposal stores a code that survives a relabelling.
 * Shared so that the proposal schema, the core and the screens use the same list.
 */
export const PB_THEMES = [
  { code: 'attractivite-emploi', label: 'Attractivité et emploi' },
  { code: 'cadre-de-vie', label: 'Cadre de vie' },
  { code: 'culture-patrimoine', label: 'Culture et patrimoine' },
  { code: 'education-jeunesse', label: 'Éducation et jeunesse' },
  { code: 'environnement', label: 'Environnement' },
  { code: 'mobilites', label: 'Mobilités' },
  { code: 'prevention-securite', label: 'Prévention et sécurité' },
  { code: 'proprete', label: 'Propreté' },
  { code: 'sante', label: 'Santé' },
  { code: 'solidarites', label: 'Solidarités' },
  { code: 'sport', label: 'Sport' },
] as const;

export type PbThemeCode = (typeof PB_THEMES)[number]['code'];

export const pbThemeCodes = PB_THEMES.map((t) => t.code) as [PbThemeCode, ...PbThemeCode[]];
