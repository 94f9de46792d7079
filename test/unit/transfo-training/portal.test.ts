/** What the portal does with the training's kinds: validates them with the shared schemas, takes them from lab desktops only. */
import { describe, expect, it } from 'vitest';
import { canPull, canPush } from '#portal/scope.js';
import { syncEntitySchemas } from '#shared/sync/entities.js';
import { entityScopes } from '#shared/sync/protocol.schema.js';

const id = '5f0c7d0e-2b1a-4c3d-9e8f-0a1b2c3d4e5f';
const kinds = ['transfo_module', 'transfo_session', 'transfo_attendance'] as const;

describe('the portal and La Transfo training', () => {
  it('takes the three kinds from lab desktops only, and gives them to lab desktops only', () => {
    for (const kind of kinds) {
      expect(canPush('lab', kind), kind).toBe(true);
      expect(canPush('field', kind), kind).toBe(false);
      expect(canPull('field', entityScopes[kind]), kind).toBe(false);
      expect(canPull('lab', entityScopes[kind]), kind).toBe(true);
    }
  });

  it('refuses a session of four days, an unknown method, an unknown status', () => {
    const day = (date: string) => ({ date, moduleIds: [] });
    const session = { workshopId: id, campaignId: id, days: ['2026-11-02', '2026-11-03', '2026-11-04'].map(day), facilitators: [], residentDesigners: [], deletedAt: null };
    expect(syncEntitySchemas.transfo_session.record.safeParse(session).success).toBe(true);
    expect(syncEntitySchemas.transfo_session.record.safeParse({ ...session, days: [...session.days, day('2026-11-05')] }).success).toBe(false);
    expect(syncEntitySchemas.transfo_module.change.safeParse({ method: 'juggling' }).success).toBe(false);
    expect(syncEntitySchemas.transfo_attendance.change.safeParse({ status: 'late' }).success).toBe(false);
    expect(syncEntitySchemas.transfo_attendance.change.safeParse({ status: null }).success).toBe(true);
  });
});
