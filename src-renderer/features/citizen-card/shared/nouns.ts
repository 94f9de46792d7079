/**
 * Which record an error sentence names, per thing this feature acts on (translateError's third
 * argument), and the sentence of a refusal outside a form: a refusal that names its reason on a
 * field (« Il ne reste aucune place libre. »), whatever its code, says that reason.
 */
import type { TFunction } from 'i18next';
import type { RecordNoun } from '#shared/i18n/catalogue.js';
import type { AppError } from '#shared/result.js';
import { translateError, translateMessage } from '#renderer/app/i18n.js';

export const NOUN = {
  atelierType: 'atelierType',
  occurrence: 'cardOccurrence',
  registration: 'cardRegistration',
  holder: 'cardHolder',
  draw: 'draw',
} as const satisfies Record<string, RecordNoun>;

export function refusal(t: TFunction, error: Pick<AppError, 'code' | 'fields'>, record: RecordNoun): string {
  const messages = Object.values(error.fields ?? {});
  if (messages.length > 0 && messages.every((m) => m.startsWith('validation.')) && !messages.includes('validation.featureNotOffered')) {
    return messages.map((m) => translateMessage(t, m)).join(' ');
  }
  return translateError(t, error, record);
}

/** The core names a form's fields `fields.<name>`; the forms name them `<name>`. */
export const formPath = (path: string): string => path.replace(/^fields\./, '');
