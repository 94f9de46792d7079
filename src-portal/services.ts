/** What the route plugins receive: the portal's dependencies, passed as arguments. */
import type { Kysely } from 'kysely';
import type { PortalDatabase } from '#db/portal/schema.js';
import type { AttachmentStore } from './attachments.js';
import type { PortalDialect } from './database.js';
import type { PortalMetrics } from './metrics.js';

export interface PortalServices {
  db: Kysely<PortalDatabase>;
  dialect: PortalDialect;
  now: () => Date;
  metrics: PortalMetrics;
  attachments: AttachmentStore;
  /** Per-route rate-limit settings for enrolment (per IP), or false when limits are off. */
  enrolRateLimit: { max: number; timeWindow: number } | false;
}
