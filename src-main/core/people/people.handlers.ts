/** The people's rights handlers, spread into the core's handler table (src-main/core/handlers.ts). */
import { defineHandlers } from '../define-handlers.js';
import type { ErasureDeps } from './erasure.service.js';
import { createPeopleService } from './people.service.js';
import type { RetentionState } from './retention.js';

export function createPeopleHandlers(deps: ErasureDeps & { retention: RetentionState }) {
  const people = createPeopleService(deps);
  return defineHandlers<'people'>({
    'people:search': people.search,
    'people:access': people.access,
    'people:export': people.export,
    'people:erase': people.erase,
    'people:retention': people.retention,
    'people:set-retention': people.setRetention,
    'people:access-log': people.accessLog,
  });
}
