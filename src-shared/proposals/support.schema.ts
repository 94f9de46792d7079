/**
 * Supports: people present back proposals with a dot vote (one dot per click, as stickers on
 * a wall) or with the majority judgement the City has used for its budget vote since 2021.
 * Each support carries the supporter's anonymous study profile when they consented to the
 * study, so the study can cross who supports what; never a name.
 */
import { z } from 'zod';
import { uuid } from '../workshops/workshop.schema.js';

export const supportMethods = ['dot', 'majority_judgement'] as const;
export type SupportMethod = (typeof supportMethods)[number];
/** Best first: « J'adore », « J'aime bien », « Pourquoi pas ? », « Pas convaincu·e ». */
export const grades = ['adore', 'aime_bien', 'pourquoi_pas', 'pas_convaincu'] as const;
export type Grade = (typeof grades)[number];

export const supportSchema = z.object({
  id: uuid,
  proposalId: z.string(),
  workshopId: z.string(),
  profileId: z.string().nullable(),
  method: z.enum(supportMethods),
  dots: z.number().int().nullable(),
  grade: z.enum(grades).nullable(),
  recordedAt: z.string(),
  version: z.number().int(),
  deletedAt: z.string().nullable(),
});
export type Support = z.infer<typeof supportSchema>;

/**
 * Who supports: nobody named (anonymous), a profile id, or the attendance of the person at the
 * table. The core turns an attendance into its anonymous study profile (none without study
 * consent) and keeps only that: a support never holds a person or attendance id.
 */
export const dotInputSchema = z.object({
  proposalId: uuid,
  workshopId: uuid,
  profileId: uuid.nullable().default(null),
  attendanceId: uuid.nullable().default(null),
});
export const gradeInputSchema = dotInputSchema.extend({ grade: z.enum(grades, { error: 'validation.required' }) });
export const supportTallyInputSchema = z.object({ workshopId: uuid });

export const proposalTallySchema = z.object({
  proposalId: z.string(),
  dots: z.number().int(),
  grades: z.object({ adore: z.number().int(), aime_bien: z.number().int(), pourquoi_pas: z.number().int(), pas_convaincu: z.number().int() }),
  /** The median grade (the lower median on a tie, as majority judgement rules); null without grades. */
  majorityGrade: z.enum(grades).nullable(),
});
export type ProposalTally = z.infer<typeof proposalTallySchema>;
export const supportTallySchema = z.object({ items: z.array(proposalTallySchema) });

/** The majority grade: the grade of the median voter, the worse one when two medians differ. */
export function majorityGrade(counts: Record<Grade, number>): Grade | null {
  const total = grades.reduce((n, g) => n + counts[g], 0);
  if (total === 0) return null;
  // Grades best first; the median is the grade where the running count passes half (rounded up).
  const half = Math.floor(total / 2) + 1;
  let seen = 0;
  for (const g of grades) {
    seen += counts[g];
    if (seen >= half) return g;
  }
  return grades[grades.length - 1]!;
}
