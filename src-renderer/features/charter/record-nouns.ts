/** The record each charter screen's refusals name (« Ce chapitre a été modifié ailleurs… »). */
import type { TFunction } from 'i18next';
import type { RecordNoun } from '#shared/i18n/catalogue.js';
import type { AppError } from '#shared/result.js';
import { translateError, translateMessage } from '#renderer/app/i18n.js';

export type CharterRecord = 'chapter' | 'article' | 'question' | 'tag' | 'consultation' | 'contribution' | 'sheet';

export const nounOf: Record<CharterRecord, RecordNoun> = {
  chapter: 'charterChapter',
  article: 'charterArticle',
  question: 'charterQuestion',
  tag: 'charterTag',
  consultation: 'consultation',
  contribution: 'contribution',
  // A paper sheet is typed as the contributions it holds.
  sheet: 'contribution',
};

/** The words of a refusal: the sentence, then the core's own field messages (« sur un poste du Lab »). */
export function refusalText(t: TFunction, error: Pick<AppError, 'code' | 'fields'>, record: CharterRecord): string {
  const sentence = translateError(t, error, nounOf[record]);
  const messages = [...new Set(Object.values(error.fields ?? {}))].filter((m) => m !== 'validation.featureNotOffered');
  return messages.length ? `${sentence} ${messages.map((m) => translateMessage(t, m)).join(' ')}` : sentence;
}
