/**
 * The shape every language of the catalogue must have: exactly the French keys, with strings.
 * Plural forms and French gender variants are the language's own: a key ending in
 * `_zero`, `_one`, `_two`, `_few` or `_many` (Intl.PluralRules categories, cardinal or
 * `_ordinal_…`) or `_female` (the French feminine of a sentence, see nouns in errors.ts) may
 * be present in one language and not the other; `_other` and every plain key are required.
 */
type PluralOrGender = `${string}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'female'}`;

export type Shape<T> = {
  [K in keyof T as K extends PluralOrGender ? never : K]: T[K] extends string ? string : Shape<T[K]>;
} & { [K in PluralOrGender]?: string };
