/**
 * The sentence for an error code, about a record of a given kind: « Cette proposition a été
 * modifiée ailleurs… », « Cet atelier a été modifié ailleurs… ». The noun and its gender come
 * from the catalogue's `nouns`; a code that is about no record (unavailable, forbidden…) reads
 * the same whatever the kind.
 */
import type { TFunction, TOptions } from 'i18next';
import type { ErrorCode } from '../result.js';
import type { RecordNoun } from './catalogue.js';

export function errorSentence(t: TFunction, code: ErrorCode, record: RecordNoun): string {
  // The noun's gender is i18next's context: `conflict_female` for a feminine noun, the plain
  // sentence otherwise (and in English, which has no `_female` sentences).
  const options: TOptions = {
    This: t(`nouns.${record}.This`),
    ofThe: t(`nouns.${record}.ofThe`),
    list: t(`nouns.${record}.list`),
    context: t(`nouns.${record}.gender`),
  };
  return t(`errors.${code}`, options);
}
