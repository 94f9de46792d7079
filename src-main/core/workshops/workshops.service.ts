/**
 * Workshops: the rules (status machine, optimistic versions, tombstones). Every write goes
 * through the write funnel (row + outbox entry in one transaction), which then emits
 * `workshops:changed`.
 */
import { fail, ok, type Result } from '#shared/result.js';
import { normalizeForSearch } from '#shared/text.js';
import { parisLocalToUtc } from '#shared/time/paris-time.js';
import {
  isEditable,
  workshopTransitions,
  type Workshop,
  type WorkshopFields,
  type WorkshopList,
  type WorkshopStatus,
} from '#shared/workshops/workshop.schema.js';
import type { CommandParsedInput } from '#shared/contract.js';
import type { ServiceDeps } from '../deps.js';
import { runWrite, type UpdateOptions } from '../store/synced-write.js';
import { workshopCodec } from './workshop.codec.js';
import { findWorkshopRow, listWorkshopRows } from './workshops.repository.js';

/** The record's fields set from what a person typed (times converted from Paris to UTC). */
function typedFields(fields: WorkshopFields) {
  return {
    ...fields,
    // The schema already refused wall-clock times that do not exist.
    startsAt: parisLocalToUtc(fields.startsAt)!,
    endsAt: parisLocalToUtc(fields.endsAt)!,
  };
}

type Change = Partial<Omit<Workshop, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;

export function createWorkshopsService(deps: ServiceDeps) {
  const { db, now } = deps;

  /** One change of one workshop, at the expected version, through the funnel. */
  function mutate(id: string, change: (current: Workshop, at: string) => Result<Change>, options: UpdateOptions = {}): Promise<Result<Workshop>> {
    return runWrite(deps, (w) => w.update(workshopCodec, id, (current) => change(current, w.at), options));
  }

  function transition(current: Workshop, to: WorkshopStatus): Result<null> {
    const from = current.status;
    return workshopTransitions[from].includes(to)
      ? ok(null)
      : fail('invalid_transition', `A ${from} workshop cannot become ${to}`);
  }

  return {
    async list(input: CommandParsedInput<'workshops:list'>): Promise<Result<WorkshopList>> {
      const nextDay = (day: string) => {
        const d = new Date(`${day}T12:00:00Z`);
        d.setUTCDate(d.getUTCDate() + 1);
        return d.toISOString().slice(0, 10);
      };
      const query = input.query ? normalizeForSearch(input.query) : '';
      const { rows, total } = await listWorkshopRows(db, {
        kind: input.kind,
        status: input.status,
        arrondissement: input.arrondissement,
        startsFrom: input.from ? parisLocalToUtc(`${input.from}T00:00`) ?? undefined : undefined,
        startsBefore: input.to ? parisLocalToUtc(`${nextDay(input.to)}T00:00`) ?? undefined : undefined,
        titleContains: query || undefined,
        limit: input.limit,
        offset: input.offset,
        now: now().toISOString(),
      });
      return ok({ items: rows.map(workshopCodec.toRecord), total });
    },

    async get({ id }: { id: string }): Promise<Result<Workshop>> {
      const row = await findWorkshopRow(db, id);
      return row ? ok(workshopCodec.toRecord(row)) : fail('not_found', `No workshop ${id}`);
    },

    create(fields: WorkshopFields): Promise<Result<Workshop>> {
      return runWrite(deps, async (w) =>
        ok(
          await w.insert(workshopCodec, {
            fields: { ...typedFields(fields), status: 'planned', minutes: null, cancelReason: null, closedAt: null, cancelledAt: null },
          }),
        ),
      );
    },

    update({ id, version, fields }: CommandParsedInput<'workshops:update'>) {
      return mutate(
        id,
        (current) =>
          isEditable(current.status) ? ok(typedFields(fields)) : fail('invalid_transition', `A ${current.status} workshop can no longer be edited`),
        { expectedVersion: version },
      );
    },

    open({ id, version }: CommandParsedInput<'workshops:open'>) {
      return mutate(
        id,
        (current) => {
          const allowed = transition(current, 'open');
          return allowed.ok ? ok({ status: 'open' }) : allowed;
        },
        { expectedVersion: version },
      );
    },

    close({ id, version, minutes }: CommandParsedInput<'workshops:close'>) {
      return mutate(
        id,
        (current, at) => {
          const allowed = transition(current, 'closed');
          return allowed.ok ? ok({ status: 'closed', minutes, closedAt: at }) : allowed;
        },
        { expectedVersion: version },
      );
    },

    cancel({ id, version, reason }: CommandParsedInput<'workshops:cancel'>) {
      return mutate(
        id,
        (current, at) => {
          const allowed = transition(current, 'cancelled');
          return allowed.ok ? ok({ status: 'cancelled', cancelReason: reason || null, cancelledAt: at }) : allowed;
        },
        { expectedVersion: version },
      );
    },

    /** A tombstone, never a DELETE: the portal and the other devices learn of it through the outbox. */
    remove({ id }: { id: string }) {
      return runWrite(deps, (w) => w.tombstone(workshopCodec, id));
    },

    restore({ id }: { id: string }) {
      return runWrite(deps, (w) => w.restore(workshopCodec, id));
    },
  };
}

export type WorkshopsService = ReturnType<typeof createWorkshopsService>;
