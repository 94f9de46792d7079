/**
 * The participatory budget's 11 official themes, by code. The codes are ours, stable slugs of
 * the City's labels, so that a proposal stores a code that survives a relabelling; the labels
 * (« Éducation et jeunesse »…) are the catalogue's (`labels.themes`, src-shared/i18n). Shared
 * so that the proposal schema, the core and the screens use the same list.
 */
export const pbThemeCodes = [
  'attractivite-emploi',
  'cadre-de-vie',
  'culture-patrimoine',
  'education-jeunesse',
  'environnement',
  'mobilites',
  'prevention-securite',
  'proprete',
  'sante',
  'solidarites',
  'sport',
] as const;

export type PbThemeCode = (typeof pbThemeCodes)[number];
