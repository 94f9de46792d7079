/** Photos and scans sent by the screens as base64, stored by content (see attachments.repository). */
import type { CommandParsedInput } from '#shared/contract.js';
import { ATTACHMENT_INPUT_MAX_BYTES } from '#shared/proposals/proposal.schema.js';
import { fail, ok, type Result } from '#shared/result.js';
import type { ServiceDeps } from '../deps.js';
import { storeAttachment } from '../store/attachments.repository.js';

/** The first bytes each accepted media type must start with: the type is checked, not trusted. */
const SIGNATURES: Record<string, (b: Uint8Array) => boolean> = {
  'image/png': (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) => String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP',
  'application/pdf': (b) => String.fromCharCode(...b.subarray(0, 5)) === '%PDF-',
};

export interface AttachmentDeps extends Pick<ServiceDeps, 'db' | 'now'> {
  attachmentsDir: string | null;
  /** The key attachment files are encrypted with (null with no data folder). */
  attachmentKey: Buffer | null;
}

export function createAttachmentsService(deps: AttachmentDeps) {
  return {
    async add({ mediaType, base64 }: CommandParsedInput<'attachments:add'>): Promise<Result<{ sha256: string; size: number }>> {
      if (!deps.attachmentsDir || !deps.attachmentKey) return fail('unavailable', 'This core has no data folder for attachments');
      const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
      if (bytes.length === 0) return fail('validation', 'Empty file', { base64: 'validation.required' });
      if (bytes.length > ATTACHMENT_INPUT_MAX_BYTES) return fail('validation', 'File too big', { base64: 'validation.fileTooBig' });
      if (!SIGNATURES[mediaType]!(bytes)) return fail('validation', `Not a ${mediaType} file`, { mediaType: 'validation.mediaType' });
      return ok(await storeAttachment(deps.db, deps.attachmentsDir, deps.attachmentKey, bytes, mediaType, deps.now().toISOString()));
    },
  };
}
