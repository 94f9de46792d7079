/**
 * The case a screen shows, reloaded when any desk changes it, and the way each part saves: one
 * `transfoCases:update` naming the version it was read at and only that part's fields.
 */
import type { CaseParts, TransfoCase } from '#shared/transfo/case.schema.js';
import type { Result } from '#shared/result.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';

export function useCase(id: string) {
  return useResult(() => invoke('transfoCases:get', { id }), `transfo-case:${id}`, ['transfoCases:changed']);
}

export type SavePart = (fields: Partial<CaseParts>) => Promise<Result<TransfoCase>>;

export const savePartOf =
  (c: TransfoCase): SavePart =>
  (fields) =>
    invoke('transfoCases:update', { id: c.id, version: c.version, fields });

/** The core's path of a refused part (`fields.nextSteps.2.owner`) as the add form names it. */
export const partPath =
  (map: Record<string, string>, fallback: string) =>
  (path: string): string => {
    const leaf = path.split('.').at(-1) ?? '';
    return map[leaf] ?? fallback;
  };
