/** The attachment commands' handlers, spread into the core's handler table (handlers.ts). */
import type { ServiceDeps } from '../deps.js';
import { defineHandlers } from '../define-handlers.js';
import { createAttachmentsService } from './attachments.service.js';

export function createAttachmentHandlers(deps: Pick<ServiceDeps, 'db' | 'now'> & { attachmentsDir: string | null }) {
  const attachments = createAttachmentsService(deps);
  return defineHandlers<'attachments'>({
    'attachments:add': attachments.add,
  });
}
