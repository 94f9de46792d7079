/** La Transfo's practical cases' handlers, spread into the core's handler table (handlers.ts). */
import { defineHandlers } from '../define-handlers.js';
import { createCasesService, type CasesDeps } from './cases.service.js';

export function createTransfoCasesHandlers(deps: CasesDeps) {
  const cases = createCasesService(deps);
  return defineHandlers<'transfoCases'>({
    'transfoCases:list': cases.list,
    'transfoCases:get': cases.get,
    'transfoCases:create': cases.create,
    'transfoCases:update': cases.update,
    'transfoCases:add-journal-entry': cases.addJournalEntry,
    'transfoCases:add-video': cases.addVideo,
    'transfoCases:attachment': cases.attachment,
  });
}
