/** The attachment commands' handlers, spread into the core's handler table (handlers.ts). */
import { defineHandlers } from '../define-handlers.js';
import { createAttachmentsService, type AttachmentDeps } from './attachments.service.js';

export function createAttachmentHandlers(deps: AttachmentDeps) {
  const attachments = createAttachmentsService(deps);
  return defineHandlers<'attachments'>({
    'attachments:add': attachments.add,
  });
}
