/**
 * i18next with French first and English complete. The chosen language is remembered on this
 * computer; `<html lang>` follows it so screen readers pronounce the right language.
 */
import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { ErrorCode } from '#shared/result.js';
import { en } from './locales/en';
import { fr } from './locales/fr';

export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];
const STORAGE_KEY = 'atelier.language';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

export function setLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this session only
  }
  void i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'fr';
}

export function initI18n() {
  void i18next.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
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
  const param = raw !== '' && Number.isFinite(asNumber) ? new Intl.NumberFormat(currentLanguage() === 'fr' ? 'fr-FR' : 'en-GB').format(asNumber) : raw;
  if (!key.startsWith('validation.') || !i18next.exists(key)) return t('validation.invalid');
  return t(key, { param });
}

export function translateError(t: TFunction, code: ErrorCode): string {
  return t(`errors.${code}`);
}
