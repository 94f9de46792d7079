/** The study's handlers, spread into the core's handler table (src-main/core/handlers.ts). */
import type { ServiceDeps } from '../deps.js';
import { defineHandlers } from '../define-handlers.js';
import { createStudyService } from './study.service.js';

export function createStudyHandlers(deps: Pick<ServiceDeps, 'db' | 'now'>) {
  const study = createStudyService(deps);
  return defineHandlers<'study'>({
    'study:dashboard': study.dashboard,
    'study:export': study.export,
  });
}
