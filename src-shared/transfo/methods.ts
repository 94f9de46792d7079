/**
 * The methods of design thinking La Transfo's agents learn (issue 11): one code per method,
 * shared by the training's modules (a module teaches one method), the practical cases (the
 * methods a case used) and the monthly publication. Codes only: the words are the catalogue's
 * (`transfoMethods` namespace).
 */
import { z } from 'zod';

export const designMethods = [
  'immersion',
  'observation',
  'interviews',
  'usage_scenarios',
  'prototyping',
  'video',
  'user_tests',
] as const;
export type DesignMethod = (typeof designMethods)[number];

export const designMethodSchema = z.enum(designMethods, { error: 'validation.invalid' });
