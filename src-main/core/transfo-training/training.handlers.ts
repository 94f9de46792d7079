/** La Transfo's training handlers, spread into the core's handler table (handlers.ts). */
import { defineHandlers } from '../define-handlers.js';
import type { ServiceDeps } from '../deps.js';
import { createTrainingService } from './training.service.js';

export function createTransfoTrainingHandlers(deps: ServiceDeps) {
  const training = createTrainingService(deps);
  return defineHandlers<'transfoTraining'>({
    'transfoTraining:modules': training.modules,
    'transfoTraining:create-module': training.createModule,
    'transfoTraining:create-method-modules': training.createMethodModules,
    'transfoTraining:update-module': training.updateModule,
    'transfoTraining:remove-module': training.removeModule,
    'transfoTraining:sessions': training.sessions,
    'transfoTraining:create-session': training.createSession,
    'transfoTraining:attach-session': training.attachSession,
    'transfoTraining:update-session': training.updateSession,
    'transfoTraining:attendance': training.attendance,
    'transfoTraining:record-attendance': training.recordAttendance,
    'transfoTraining:matrix': training.matrix,
  });
}
