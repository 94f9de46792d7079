/** The languages of the app: French first, English complete. */
export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

/** The locale of dates, numbers and documents in each language. */
export const localeOf: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };
