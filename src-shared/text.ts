/** Text helpers shared by the core (search columns) and the renderer (highlighting). */

/** Lower-case, accents and punctuation removed, spaces collapsed: "Goutte-d'Or" → "goutte d or". */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
