/**
 * Who pulls what (docs/sync-protocol.md, "Scope"): a field laptop receives only the catalogue
 * (workshops, reference data); personal data of participants and anonymous study profiles
 * are pulled only by the lab's desktops.
 */
import { entityScopes, syncEntities, type DeviceRole, type SyncEntity } from '#shared/sync/protocol.schema.js';

export type EntityScope = 'catalogue' | 'personal' | 'study';

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
 * Every role may push every entity: field laptops capture participants' identities and
 * profiles at the door, the lab edits everything. Kept as a function so that a future
 * entity only the lab may write has one place to say so.
 */
export function canPush(_role: DeviceRole, entity: string): entity is SyncEntity {
  return (syncEntities as readonly string[]).includes(entity);
}
