/**
 * Regroupement: several similar proposals become one project. The project gathers the
 * originals' proposers and photos; each original becomes `merged` with `merged_into` set to
 * the project, and keeps everything else (its proposers, its workshop), so the link back to
 * who proposed what is never lost. All in the caller's unit of work (one transaction), with one
 * outbox entry per record.
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
import type { CommandParsedInput } from '#shared/contract.js';
import type { Proposal } from '#shared/proposals/proposal.schema.js';
import { fail, ok, type Result } from '#shared/result.js';
import type { UnitOfWork } from '../store/synced-write.js';
import { proposalCodec } from './proposal.codec.js';
import { findProposalRows } from './proposals.repository.js';

const sumKnown = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
};

const unique = <T>(values: T[]) => [...new Set(values)];

export async function mergeProposals(
  w: UnitOfWork,
  input: CommandParsedInput<'proposals:merge'>,
): Promise<Result<{ project: Proposal; originals: Proposal[] }>> {
  const rows = (await findProposalRows(w.trx, input.proposalIds)).map(proposalCodec.toRecord);
  if (rows.length !== input.proposalIds.length || rows.some((r) => r.deletedAt !== null)) {
    return fail('not_found', 'Some proposals to group do not exist');
  }
  const blocked = rows.find((r) => r.status === 'merged' || r.status === 'retained' || r.status === 'not_retained');
  if (blocked) return fail('invalid_transition', `Proposal ${blocked.id} is ${blocked.status} and cannot be grouped`);
  // Keep the order the person chose.
  const originals = input.proposalIds.map((id) => rows.find((r) => r.id === id)!);
  const withPoint = originals.find((r) => r.lon !== null);
  const arrondissements = unique(originals.map((r) => r.arrondissement));
  const sameArrondissement = arrondissements.length === 1 && arrondissements[0] !== null;
  const workshops = unique(originals.map((r) => r.workshopId));
  const qpv = originals.find((r) => r.neighbourhoodClass === 'qpv');
  const types = unique(originals.map((r) => r.proposerType));
  const names = unique(originals.map((r) => r.proposerName).filter((n): n is string => !!n));

  const project = await w.insert(proposalCodec, {
    fields: {
      workshopId: workshops.length === 1 ? workshops[0]! : null,
      kind: 'project',
      title: input.title,
      description: input.description,
      themeCode: input.themeCode,
      locationType: sameArrondissement ? 'arrondissement' : 'paris',
      arrondissement: sameArrondissement ? arrondissements[0]! : null,
      addressLabel: withPoint?.addressLabel ?? null,
      addressId: withPoint?.addressId ?? null,
      lon: withPoint?.lon ?? null,
      lat: withPoint?.lat ?? null,
      neighbourhoodClass: qpv ? 'qpv' : originals.some((r) => r.neighbourhoodClass === 'veille_active') ? 'veille_active' : 'other',
      qpvCode: qpv?.qpvCode ?? null,
      estimatedCostCents: sumKnown(originals.map((r) => r.estimatedCostCents)),
      runningCostsCents: sumKnown(originals.map((r) => r.runningCostsCents)),
      proposerType: types.length === 1 ? types[0]! : 'collective',
      proposerName: names.length ? names.join(' ; ').slice(0, 200) : null,
      proposerAttendanceIds: unique(originals.flatMap((r) => r.proposerAttendanceIds)),
      proposedBefore: originals.some((r) => r.proposedBefore === 'yes') ? 'yes' : 'unknown',
      accessibleToDisabled: 'unknown',
      status: 'in_co_construction',
      mergedInto: null,
      photos: unique(originals.flatMap((r) => r.photos)).slice(0, 20),
      capturedAt: w.at,
    },
  });

  const merged: Proposal[] = [];
  for (const original of originals) {
    const after = await w.update(proposalCodec, original.id, () => ok({ status: 'merged', mergedInto: project.id }), { expectedVersion: original.version });
    if (!after.ok) return after;
    merged.push(after.value);
  }
  return ok({ project, originals: merged });
}
