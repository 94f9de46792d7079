import { describe, expect, it } from 'vitest';
import { syncEnrolInputSchema } from '#shared/sync/sync-commands.schema.js';
import { enrolRequestSchema } from '#shared/sync/protocol.schema.js';

// PostgreSQL refuses a NUL in text, and a line feed in a name forges lines in the device list.
describe('a device name is one line of text', () => {
  const form = { portalUrl: 'https://portail.atelier.paris.fr', code: 'K7QF-M2XD-9PLA' };
  const request = { code: 'K7QF-M2XD-9PLA', deviceId: '6f1c1a52-6c1e-4a5e-9a55-0c7a1c1f0a01', appVersion: '0.1.0' };

  it('in the app form and in the protocol, with the message beside the field', () => {
    for (const name of ['Portable\u0000', 'Portable\nGoutte d’Or', 'Portable\u0085']) {
      expect(syncEnrolInputSchema.safeParse({ ...form, deviceName: name }).error?.issues[0]).toMatchObject({ path: ['deviceName'], message: 'validation.invalid' });
      expect(enrolRequestSchema.safeParse({ ...request, deviceName: name }).success).toBe(false);
    }
    for (const name of ['Portable Goutte d’Or', 'حاسوب المختبر', '  Portable  ']) {
      expect(syncEnrolInputSchema.safeParse({ ...form, deviceName: name }).success).toBe(true);
      expect(enrolRequestSchema.safeParse({ ...request, deviceName: name }).success).toBe(true);
    }
  });
});
