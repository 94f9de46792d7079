/**
 * The gender question is answered in the person's own words, and free text never becomes a
 * category of the study: a self-description like « Camille Dupont 06 12 34 56 78 » would be a
 * row of the dashboard, the CSV and the XLSX, and masking hides counts, not row names.
 *
 * So the study counts closed categories only. A few common answers, in French and English,
 * are recognised as `woman`, `man` or `non_binary`; every other answer counts as
 * `self_described`, without its words; a blank one as `not_said`. The words stay in the
 * profile (the person gave them) and never leave the core in a figure or a file.
 */
export const genderCategories = ['woman', 'man', 'non_binary', 'self_described', 'not_said'] as const;
export type GenderCategory = (typeof genderCategories)[number];

/** Lower case, no accents, punctuation and runs of spaces as one space. */
function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const RECOGNISED: Record<string, GenderCategory> = {};
const recognise = (category: GenderCategory, answers: string[]) => {
  for (const answer of answers) RECOGNISED[normalise(answer)] = category;
};
recognise('woman', ['femme', 'f', 'féminin', 'feminine', 'woman', 'female', 'w', 'une femme', 'fille']);
recognise('man', ['homme', 'h', 'm', 'masculin', 'masculine', 'man', 'male', 'un homme', 'garçon']);
recognise('non_binary', ['non binaire', 'non-binaire', 'nonbinaire', 'non binary', 'non-binary', 'nonbinary', 'nb', 'enby']);

export function genderCategory(answer: string | null | undefined): GenderCategory {
  if (answer === null || answer === undefined) return 'not_said';
  const words = normalise(answer);
  if (words === '') return 'not_said';
  return RECOGNISED[words] ?? 'self_described';
}
