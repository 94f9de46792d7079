/** The methods of design thinking (src-shared/transfo/methods.ts), in French. */
import type { DesignMethod } from '../../transfo/methods.js';

export const transfoMethodsFr = {
  immersion: 'Immersion',
  observation: 'Observation',
  interviews: 'Entretiens',
  usage_scenarios: "Scénarios d'usage",
  prototyping: 'Prototypage',
  video: 'Vidéo',
  user_tests: 'Tests utilisateurs',
} as const satisfies Record<DesignMethod, string>;
