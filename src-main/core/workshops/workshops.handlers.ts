/** The workshop commands' handlers, spread into the core's handler table (handlers.ts). */
import type { ServiceDeps } from '../deps.js';
import { defineHandlers } from '../define-handlers.js';
import { createWorkshopsService } from './workshops.service.js';

export function createWorkshopHandlers(deps: ServiceDeps) {
  const workshops = createWorkshopsService(deps);
  return defineHandlers<'workshops'>({
    'workshops:list': workshops.list,
    'workshops:get': workshops.get,
    'workshops:create': workshops.create,
    'workshops:update': workshops.update,
    'workshops:open': workshops.open,
    'workshops:close': workshops.close,
    'workshops:cancel': workshops.cancel,
    'workshops:remove': workshops.remove,
    'workshops:restore': workshops.restore,
  });
}
