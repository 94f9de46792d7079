/** What the form holds: the shared schema's input, with empty starting values. */
import type { z } from 'zod';
import { workshopFieldsOf, type Workshop, type workshopFieldsSchema } from '#shared/workshops/workshop.schema.js';

export type FormValues = z.input<typeof workshopFieldsSchema>;

/** A new workshop: nothing chosen yet, so that a forgotten choice is an error, not a guess. */
export function emptyValues(): FormValues {
  return {
    kind: undefined as unknown as FormValues['kind'],
    title: '',
    description: '',
    startsAt: '',
    endsAt: '',
    venueName: '',
    venueAddress: '',
    arrondissement: undefined as unknown as number,
    inQpv: false,
    capacity: null,
    partners: [],
    facilitators: [],
  };
}

export function valuesFromWorkshop(w: Workshop): FormValues {
  return workshopFieldsOf(w);
}
