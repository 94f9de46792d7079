/**
 * Regroupement: several similar proposals become one project. The project gathers the
 * originals' proposers and photos; each original becomes `merged` with `merged_into` set to
 * the project, and keeps everything else (its proposers, its workshop), so the link back to
 * who proposed what is never lost. All in one transaction, with one outbox row per record.
 *
 * How the project's fields are chosen from the originals (documented because the City's
 * platform will show them):
 * - workshop: the originals' common workshop, or none when they come from several;
 * - location: the first original with a point gives the point and address; the project is
 *   arrondissement-scale when all originals share one arrondissement, else all Paris;
 * - neighbourhood class: QPV when any original is a QPV proposal (the promise that a QPV
 *   proposal stays visible as such must survive the grouping), else veille active if any;
 * - costs: the sum of the known estimates (null when none is known);
 * - proposer type: the common type, else "collective"; proposer names joined.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { CommandParsedInput } from '../../../src-shared/contract.js';
import type { Proposal } from '../../../src-shared/proposals/proposal.schema.js';
import { fail, ok, type Result } from '../../../src-shared/result.js';
import { findProposalRow, findProposalRows, insertProposal, rowToProposal, updateProposalAtVersion } from './proposals.repository.js';
import { appendProposalChange } from './proposal-outbox.js';

const sumKnown = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
};

const unique = <T>(values: T[]) => [...new Set(values)];

export async function mergeProposals(
  deps: { db: Kysely<Database>; newId: () => string; at: string },
  input: CommandParsedInput<'proposals:merge'>,
): Promise<Result<{ project: Proposal; originals: Proposal[] }>> {
  const { db, newId, at } = deps;
  return db.transaction().execute(async (trx) => {
    const rows = await findProposalRows(trx, input.proposalIds);
    if (rows.length !== input.proposalIds.length || rows.some((r) => r.deleted_at !== null)) {
      return fail('not_found', 'Some proposals to group do not exist');
    }
    const blocked = rows.find((r) => r.status === 'merged' || r.status === 'retained' || r.status === 'not_retained');
    if (blocked) return fail('invalid_transition', `Proposal ${blocked.id} is ${blocked.status} and cannot be grouped`);
    // Keep the order the person chose.
    const originals = input.proposalIds.map((id) => rows.find((r) => r.id === id)!);
    const withPoint = originals.find((r) => r.lon !== null);
    const arrondissements = unique(originals.map((r) => r.arrondissement));
    const sameArrondissement = arrondissements.length === 1 && arrondissements[0] !== null;
    const workshops = unique(originals.map((r) => r.workshop_id));
    const qpv = originals.find((r) => r.neighbourhood_class === 'qpv');
    const types = unique(originals.map((r) => r.proposer_type));
    const names = unique(originals.map((r) => r.proposer_name).filter((n): n is string => !!n));

    const id = newId();
    await insertProposal(trx, {
      id,
      workshop_id: workshops.length === 1 ? workshops[0]! : null,
      kind: 'project',
      title: input.title,
      description: input.description,
      theme_code: input.themeCode,
      location_type: sameArrondissement ? 'arrondissement' : 'paris',
      arrondissement: sameArrondissement ? arrondissements[0]! : null,
      address_label: withPoint?.address_label ?? null,
      address_id: withPoint?.address_id ?? null,
      lon: withPoint?.lon ?? null,
      lat: withPoint?.lat ?? null,
      neighbourhood_class: qpv ? 'qpv' : originals.some((r) => r.neighbourhood_class === 'veille_active') ? 'veille_active' : 'other',
      qpv_code: qpv?.qpv_code ?? null,
      estimated_cost_cents: sumKnown(originals.map((r) => r.estimated_cost_cents)),
      running_costs_cents: sumKnown(originals.map((r) => r.running_costs_cents)),
      proposer_type: types.length === 1 ? types[0]! : 'collective',
      proposer_name: names.length ? names.join(' ; ').slice(0, 200) : null,
      proposer_attendance_ids: JSON.stringify(unique(originals.flatMap((r) => JSON.parse(r.proposer_attendance_ids) as string[]))),
      proposed_before: originals.some((r) => r.proposed_before === 'yes') ? 'yes' : 'unknown',
      accessible_to_disabled: 'unknown',
      status: 'in_co_construction',
      merged_into: null,
      photos: JSON.stringify(unique(originals.flatMap((r) => JSON.parse(r.photos) as string[])).slice(0, 20)),
      captured_at: at,
      created_at: at,
      updated_at: at,
      version: 1,
      deleted_at: null,
    });
    const project = rowToProposal((await findProposalRow(trx, id))!);
    await appendProposalChange(trx, newId, null, project, 'create', at);

    const merged: Proposal[] = [];
    for (const row of originals) {
      const applied = await updateProposalAtVersion(trx, row.id, row.version, {
        status: 'merged',
        merged_into: id,
        updated_at: at,
        version: row.version + 1,
      });
      if (!applied) throw new Error(`proposal ${row.id} changed during the regroupement`);
      const after = rowToProposal((await findProposalRow(trx, row.id))!);
      await appendProposalChange(trx, newId, rowToProposal(row), after, 'update', at, row.synced_revision);
      merged.push(after);
    }
    return ok({ project, originals: merged });
  });
}
