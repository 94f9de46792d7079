/**
 * `t()` is typed with the French catalogue, in the renderer and in the core: a key that does
 * not exist (a typo, a key renamed or removed) is a compile error where it is used.
 */
import 'i18next';
import type { fr } from './catalogue.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}
