/**
 * The core's translator: an i18next instance of its own per language over the same catalogue
 * as the renderer, so a document the core writes (the sign-in sheet, the study's files) says
 * exactly what the screens say, with the same plurals and ordinals.
 */
import i18next, { type TFunction } from 'i18next';
import { resources } from './catalogue.js';
import type { Language } from './languages.js';

const translators = new Map<Language, TFunction>();

export function translatorFor(language: Language): TFunction {
  let t = translators.get(language);
  if (!t) {
    const instance = i18next.createInstance();
    // Resources are in memory: with initAsync off, the instance is ready when init returns.
    void instance.init({ resources, lng: language, fallbackLng: 'fr', initAsync: false, interpolation: { escapeValue: false } });
    t = instance.getFixedT(language);
    translators.set(language, t);
  }
  return t;
}
