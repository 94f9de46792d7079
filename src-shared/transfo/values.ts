/**
 * La Transfo's recruiting values (issue 11), shared by the balance, the letters, the
 * candidates' records and the screens. Codes only: the words are the catalogue's (`transfo`).
 */
import { z } from 'zod';

/** The civil service's categories (catégories A, B, C de la fonction publique). */
export const transfoCategories = ['A', 'B', 'C'] as const;
export type TransfoCategory = (typeof transfoCategories)[number];

/** Gender is optional for a candidate: null when not given, and never guessed. */
export const transfoGenders = ['woman', 'man', 'other'] as const;
export type TransfoGender = (typeof transfoGenders)[number];

/** The lab's decision. Only ambassadors are « the 20 »; relais are chosen too, and counted apart. */
export const transfoOutcomes = ['ambassador', 'relais', 'not_chosen'] as const;
export type TransfoOutcome = (typeof transfoOutcomes)[number];

/**
 * Where a candidate is: applied → met → ambassador | relais | not_chosen → withdrew. A candidate
 * who withdraws keeps the outcome they had (the history says who left the 20), but is no longer
 * counted in the balance.
 */
export const transfoStages = ['applied', 'met', 'ambassador', 'relais', 'not_chosen', 'withdrew'] as const;
export type TransfoStage = (typeof transfoStages)[number];

export const transfoCategorySchema = z.enum(transfoCategories, { error: 'validation.invalid' });
export const transfoGenderSchema = z.enum(transfoGenders, { error: 'validation.invalid' });
export const transfoOutcomeSchema = z.enum(transfoOutcomes, { error: 'validation.invalid' });
export const transfoStageSchema = z.enum(transfoStages, { error: 'validation.invalid' });
