/** The Lab's publication handlers, spread into the core's handler table (handlers.ts). */
import { defineHandlers } from '../define-handlers.js';
import { createPublicationService, type PublicationDeps } from './publication.service.js';

export function createPublicationHandlers(deps: PublicationDeps) {
  const publication = createPublicationService(deps);
  return defineHandlers<'publication'>({
    'publication:list': publication.list,
    'publication:create': publication.create,
    'publication:preview': publication.preview,
    'publication:save-blocks': publication.saveBlocks,
    'publication:choose-photos': publication.choosePhotos,
    'publication:export': publication.exportFile,
    'publication:publish': publication.publish,
    'publication:versions': publication.versions,
    'publication:photo': publication.photo,
  });
}
