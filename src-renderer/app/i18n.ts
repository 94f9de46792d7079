/**
 * i18next with French first and English complete. The chosen language is remembered on this
 * computer; `<html lang>` follows it so screen readers pronounce the right language.
 */
import i18next, { type ParseKeys, type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from '#shared/i18n/catalogue.js';
import { languages, localeOf, type Language } from '#shared/i18n/languages.js';
import type { RecordNoun } from '#shared/i18n/catalogue.js';
import { errorSentence } from '#shared/i18n/error-text.js';
import type { AppError } from '#shared/result.js';
import { readStored, writeStored } from './storage';

export { languages, type Language };
const STORAGE_KEY = 'atelier.language';

function storedLanguage(): Language {
  return readStored(STORAGE_KEY) === 'en' ? 'en' : 'fr';
}

/** Without storage (private mode), the choice lasts for this session only. */
export function setLanguage(language: Language) {
  writeStored(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'fr';
}

export function initI18n() {
  void i18next.use(initReactI18next).init({
    resources,
    lng: storedLanguage(),
    fallbackLng: 'fr',
    supportedLngs: languages,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
}

/**
 * Translates a validation message from the shared schemas: `validation.tooLong:200` is the key
 * `validation.tooLong` with `{{param}}` = 200 (formatted as a number in the current language).
 */
export function translateMessage(t: TFunction, message: string | undefined): string {
  if (!message) return '';
  const sep = message.indexOf(':');
  const key = sep === -1 ? message : message.slice(0, sep);
  const raw = sep === -1 ? '' : message.slice(sep + 1);
  const asNumber = Number(raw);
  const param = raw !== '' && Number.isFinite(asNumber) ? new Intl.NumberFormat(localeOf[currentLanguage()]).format(asNumber) : raw;
  if (!key.startsWith('validation.') || !isKey(key)) return t('validation.invalid');
  return t(key, { param });
}

/**
 * The sentence for a refused command, naming the record it is about (« Cette proposition a été
 * modifiée ailleurs… »): every call site says which kind of record it was acting on. A command
 * of a feature the workshop's kind lacks says so (`validation.featureNotOffered`).
 */
export function translateError(t: TFunction, error: Pick<AppError, 'code' | 'fields'>, record: RecordNoun): string {
  if (error.fields && Object.values(error.fields).includes('validation.featureNotOffered')) return t('validation.featureNotOffered');
  return errorSentence(t, error.code, record);
}

/** A key known only at run time (sent by the core, built from a value): checked against the catalogue. */
export function isKey(key: string): key is ParseKeys {
  return i18next.exists(key);
}
