/**
 * Workshops: the rules (status machine, optimistic versions, tombstones) on top of the
 * repository. Every write appends its outbox row in the same transaction, then emits
 * `workshops:changed`.
 */
import type { Transaction } from 'kysely';
import type { Database, WorkshopRow, WorkshopRowUpdate } from '../../../db/schema.js';
import { fail, ok, type Result } from '../../../src-shared/result.js';
import { normalizeForSearch } from '../../../src-shared/text.js';
import { parisLocalToUtc } from '../../../src-shared/time/paris-time.js';
import {
  isEditable,
  workshopTransitions,
  type Workshop,
  type WorkshopFields,
  type WorkshopList,
  type WorkshopStatus,
} from '../../../src-shared/workshops/workshop.schema.js';
import type { CommandParsedInput } from '../../../src-shared/contract.js';
import type { ServiceDeps } from '../deps.js';
import { appendRecordChange } from '../store/outbox.repository.js';
import {
  findWorkshopRow,
  insertWorkshop,
  listWorkshopRows,
  rowToWorkshop,
  updateWorkshopAtVersion,
} from './workshops.repository.js';

/** The columns set from what a person typed (times converted from Paris to UTC). */
function fieldsToColumns(fields: WorkshopFields) {
  return {
    kind: fields.kind,
    title: fields.title,
    title_search: normalizeForSearch(fields.title),
    description: fields.description,
    // The schema already refused wall-clock times that do not exist.
    starts_at: parisLocalToUtc(fields.startsAt)!,
    ends_at: parisLocalToUtc(fields.endsAt)!,
    venue_name: fields.venueName,
    venue_address: fields.venueAddress,
    arrondissement: fields.arrondissement,
    in_qpv: fields.inQpv ? 1 : 0,
    capacity: fields.capacity,
    partners: JSON.stringify(fields.partners),
    facilitators: JSON.stringify(fields.facilitators),
  } satisfies WorkshopRowUpdate;
}


export function createWorkshopsService(deps: ServiceDeps) {
  const { db, now, newId, emit } = deps;

  /**
   * Loads the live row, lets `change` compute the new columns, writes them at the expected
   * version and appends the outbox row, all in one transaction.
   */
  async function mutate(
    id: string,
    expectedVersion: number | null,
    op: 'update' | 'delete',
    change: (row: WorkshopRow, at: string) => Result<WorkshopRowUpdate>,
    options: { allowDeleted?: boolean } = {},
  ): Promise<Result<Workshop>> {
    const result = await db.transaction().execute(async (trx): Promise<Result<Workshop>> => {
      const row = await findWorkshopRow(trx, id);
      if (!row || (row.deleted_at !== null && !options.allowDeleted)) return fail('not_found', `No workshop ${id}`);
      if (expectedVersion !== null && row.version !== expectedVersion) {
        return fail('conflict', `Workshop ${id} is at version ${row.version}, the change was based on ${expectedVersion}`);
      }
      const at = now().toISOString();
      const computed = change(row, at);
      if (!computed.ok) return computed;
      const version = row.version + 1;
      const applied = await updateWorkshopAtVersion(trx, id, row.version, { ...computed.value, updated_at: at, version });
      if (!applied) return fail('conflict', `Workshop ${id} changed during the update`);
      const after = rowToWorkshop((await findWorkshopRow(trx, id))!);
      await appendChange(trx, rowToWorkshop(row), after, op, at, row.synced_revision);
      return ok(after);
    });
    if (result.ok) emit('workshops:changed', { id });
    return result;
  }

  function appendChange(
    trx: Transaction<Database>,
    before: Workshop | null,
    after: Workshop,
    op: 'create' | 'update' | 'delete',
    at: string,
    baseRevision = 0,
  ) {
    return appendRecordChange(trx, { changeId: newId(), entity: 'workshop', before, after, op, at, baseRevision });
  }


  function transition(row: WorkshopRow, to: WorkshopStatus): Result<null> {
    const from = row.status as WorkshopStatus;
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
      return ok({ items: rows.map(rowToWorkshop), total });
    },

    async get({ id }: { id: string }): Promise<Result<Workshop>> {
      const row = await findWorkshopRow(db, id);
      return row ? ok(rowToWorkshop(row)) : fail('not_found', `No workshop ${id}`);
    },

    async create(fields: WorkshopFields): Promise<Result<Workshop>> {
      const id = newId();
      const at = now().toISOString();
      const workshop = await db.transaction().execute(async (trx) => {
        await insertWorkshop(trx, {
          id,
          ...fieldsToColumns(fields),
          status: 'planned',
          minutes: null,
          cancel_reason: null,
          closed_at: null,
          cancelled_at: null,
          created_at: at,
          updated_at: at,
          version: 1,
          deleted_at: null,
        });
        const created = rowToWorkshop((await findWorkshopRow(trx, id))!);
        await appendChange(trx, null, created, 'create', at);
        return created;
      });
      emit('workshops:changed', { id });
      return ok(workshop);
    },

    update({ id, version, fields }: CommandParsedInput<'workshops:update'>) {
      return mutate(id, version, 'update', (row) =>
        isEditable(row.status as WorkshopStatus)
          ? ok(fieldsToColumns(fields))
          : fail('invalid_transition', `A ${row.status} workshop can no longer be edited`),
      );
    },

    open({ id, version }: CommandParsedInput<'workshops:open'>) {
      return mutate(id, version, 'update', (row) => {
        const allowed = transition(row, 'open');
        return allowed.ok ? ok({ status: 'open' }) : allowed;
      });
    },

    close({ id, version, minutes }: CommandParsedInput<'workshops:close'>) {
      return mutate(id, version, 'update', (row, at) => {
        const allowed = transition(row, 'closed');
        return allowed.ok ? ok({ status: 'closed', minutes, closed_at: at }) : allowed;
      });
    },

    cancel({ id, version, reason }: CommandParsedInput<'workshops:cancel'>) {
      return mutate(id, version, 'update', (row, at) => {
        const allowed = transition(row, 'cancelled');
        return allowed.ok ? ok({ status: 'cancelled', cancel_reason: reason || null, cancelled_at: at }) : allowed;
      });
    },

    /** A tombstone, never a DELETE: the portal and the other devices learn of it through the outbox. */
    remove({ id }: { id: string }) {
      return mutate(id, null, 'delete', (_row, at) => ok({ deleted_at: at }));
    },

    restore({ id }: { id: string }) {
      return mutate(
        id,
        null,
        'update',
        (row) => (row.deleted_at === null ? fail('invalid_transition', 'Workshop is not removed') : ok({ deleted_at: null })),
        { allowDeleted: true },
      );
    },
  };
}

export type WorkshopsService = ReturnType<typeof createWorkshopsService>;
