/** The methods of design thinking (src-shared/transfo/methods.ts), in English. */
import type { transfoMethodsFr } from '../fr/transfo-methods.js';

export const transfoMethodsEn = {
  immersion: 'Immersion',
  observation: 'Observation',
  interviews: 'Interviews',
  usage_scenarios: 'Usage scenarios',
  prototyping: 'Prototyping',
  video: 'Video',
  user_tests: 'User tests',
} as const satisfies Record<keyof typeof transfoMethodsFr, string>;
