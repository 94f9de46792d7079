/**
 * Proposal rows. Writes take a transaction (`trx`) so that the caller appends the outbox row
 * in the same one; reads take `db | trx`.
 */
import type { Transaction } from 'kysely';
import type { Database, NewProposalRow, ProposalRow, ProposalRowUpdate } from '../../../db/schema.js';
import type { Proposal, ProposalStatus } from '../../../src-shared/proposals/proposal.schema.js';
import type { PbThemeCode } from '../../../src-shared/reference/pb-themes.js';
import type { Executor } from '../store/outbox.repository.js';

type P = Proposal;

export function rowToProposal(row: ProposalRow): Proposal {
  return {
    id: row.id,
    workshopId: row.workshop_id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    themeCode: row.theme_code as PbThemeCode,
    locationType: row.location_type,
    arrondissement: row.arrondissement,
    addressLabel: row.address_label,
    addressId: row.address_id,
    lon: row.lon,
    lat: row.lat,
    neighbourhoodClass: row.neighbourhood_class,
    qpvCode: row.qpv_code,
    estimatedCostCents: row.estimated_cost_cents,
    runningCostsCents: row.running_costs_cents,
    proposerType: row.proposer_type as P['proposerType'],
    proposerName: row.proposer_name,
    proposerAttendanceIds: JSON.parse(row.proposer_attendance_ids) as string[],
    proposedBefore: row.proposed_before as P['proposedBefore'],
    accessibleToDisabled: row.accessible_to_disabled as P['accessibleToDisabled'],
    status: row.status as ProposalStatus,
    mergedInto: row.merged_into,
    photos: JSON.parse(row.photos) as string[],
    capturedAt: row.captured_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    deletedAt: row.deleted_at,
  };
}

export async function insertProposal(trx: Transaction<Database>, row: NewProposalRow): Promise<void> {
  await trx.insertInto('proposals').values(row).execute();
}

/** Applies `changes` only if the row is still at `expectedVersion`; returns whether it did. */
export async function updateProposalAtVersion(
  trx: Transaction<Database>,
  id: string,
  expectedVersion: number,
  changes: ProposalRowUpdate,
): Promise<boolean> {
  const result = await trx
    .updateTable('proposals')
    .set(changes)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function findProposalRow(db: Executor, id: string): Promise<ProposalRow | undefined> {
  return db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findProposalRows(db: Executor, ids: readonly string[]): Promise<ProposalRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('proposals').selectAll().where('id', 'in', ids).execute();
}

/**
 * Live proposals, in capture order. For a workshop: its own proposals and the projects that
 * group any of them (a project across workshops has no workshop of its own).
 */
export async function listProposalRows(
  db: Executor,
  f: { workshopId?: string; includeMerged: boolean; limit: number },
): Promise<{ rows: ProposalRow[]; total: number }> {
  let q = db.selectFrom('proposals').where('deleted_at', 'is', null);
  if (f.workshopId) {
    const workshopId = f.workshopId;
    q = q.where((eb) =>
      eb.or([
        eb('workshop_id', '=', workshopId),
        eb(
          'id',
          'in',
          eb
            .selectFrom('proposals as original')
            .select('original.merged_into')
            .where('original.workshop_id', '=', workshopId)
            .where('original.merged_into', 'is not', null),
        ),
      ]),
    );
  }
  if (!f.includeMerged) q = q.where('status', '!=', 'merged');
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('captured_at').orderBy('id').limit(f.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
