/**
 * Who pulls what (docs/sync-protocol.md, "Scope"): a field laptop receives only the catalogue
 * (workshops, reference data); personal data of participants and anonymous study profiles
 * are pulled only by the lab's desktops.
 */
import { entityScopes, syncEntities, type DeviceRole, type SyncEntity } from '#shared/sync/protocol.schema.js';

export type EntityScope = 'catalogue' | 'personal' | 'study' | 'lab';

export function canPull(role: DeviceRole, scope: EntityScope): boolean {
  return role === 'lab' || scope === 'catalogue';
}

/** The entities a device of this role may pull, given the scope of each entity. */
export function pullableEntities(
  role: DeviceRole,
  scopes: Readonly<Record<string, EntityScope>> = entityScopes,
): string[] {
  return Object.entries(scopes)
    .filter(([, scope]) => canPull(role, scope))
    .map(([entity]) => entity);
}

/**
 * What only the lab's desktops write: the lab's settings (the retention period of identities),
 * the draft charter, its themes and its consultations, and La Transfo's recruiting (the core
 * refuses them on a field laptop too).
 */
const labOnly: readonly SyncEntity[] = [
  'lab_settings',
  'charter_chapter',
  'charter_article',
  'charter_question',
  'charter_tag',
  'charter_consultation',
  'transfo_campaign',
  'transfo_candidate',
  'transfo_stage_move',
  'transfo_case',
  'transfo_module',
  'transfo_session',
  'transfo_attendance',
  'lab_publication',
  'lab_publication_version',
];

/**
 * Every role may push every other entity: field laptops capture participants' identities and
 * profiles at the door (and erase them at a person's request), the lab edits everything.
 */
export function canPush(role: DeviceRole, entity: string): entity is SyncEntity {
  if (!(syncEntities as readonly string[]).includes(entity)) return false;
  return role === 'lab' || !labOnly.includes(entity as SyncEntity);
}
