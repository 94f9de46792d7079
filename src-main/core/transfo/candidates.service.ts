/**
 * The candidates of a call and their stages. A candidate is two records written together: its
 * person (`people`: the name and the e-mail, so that the rights of the people recorded find them
 * as any identity) and its `transfo_candidate` (with a copy of both, for the list). Every stage it reaches is a `transfo_stage_move`
 * (from, to, when, who, why), the application itself included.
 *
 * One candidate once per campaign: the same e-mail, or the same name in the same direction, is
 * refused (`validation.candidateTwice`, candidateKeys in src-shared/transfo/candidate.schema.ts).
 */
import type { CommandParsedInput } from '#shared/contract.js';
import { fail, ok, type Result } from '#shared/result.js';
import { canMove, candidateKeys, type CandidateStage } from '#shared/transfo/candidate.schema.js';
import type { CandidateFields } from '#shared/transfo/transfo.schema.js';
import { personCodec } from '../attendance/attendance.codecs.js';
import type { Executor } from '../store/executor.js';
import type { UnitOfWork } from '../store/synced-write.js';
import type { TransfoContext, TransfoDeps } from './transfo-context.js';
import { transfoCandidateCodec, transfoStageMoveCodec, type CandidateRecord } from './transfo.codecs.js';
import { campaignIdentities, findCandidate, listCandidates, stageHistory } from './transfo.repository.js';

/** The candidate's fields from the form's (the name and e-mail also go to its person). */
function candidateColumns(f: CandidateFields, before: Pick<CandidateRecord, 'keepForNextCall' | 'keepConsentAt'> | null, at: string) {
  return {
    fullName: f.fullName,
    email: f.email,
    direction: f.direction,
    service: f.service,
    category: f.category,
    job: f.job,
    yearsInCity: f.yearsInCity,
    motivation: f.motivation,
    managerAgreement: f.managerAgreement,
    // The date of an agreement, only with the agreement.
    managerAgreedOn: f.managerAgreement ? f.managerAgreedOn : null,
    availability: f.availability,
    gender: f.gender,
    meetingNotes: f.meetingNotes,
    keepForNextCall: f.keepForNextCall,
    // The consent's time is when it was given: kept while it stands, forgotten when withdrawn.
    keepConsentAt: f.keepForNextCall ? (before?.keepForNextCall ? before.keepConsentAt : at) : null,
  };
}

function checkFields(f: CandidateFields): Result<null> {
  if (f.managerAgreement && !f.managerAgreedOn) return fail('validation', 'The agreement needs its date', { 'fields.managerAgreedOn': 'validation.managerAgreedOn' });
  return ok(null);
}

/** Refused when another live candidate of the campaign has one of these keys. */
async function unique(trx: Executor, campaignId: string, f: CandidateFields, self: string | null): Promise<Result<null>> {
  const wanted = new Set(candidateKeys(f));
  for (const other of await campaignIdentities(trx, campaignId)) {
    if (other.id === self || other.name === null) continue;
    const keys = candidateKeys({ fullName: other.name, email: other.email, direction: other.direction });
    const clash = keys.find((k) => wanted.has(k));
    if (clash) {
      const field = clash.startsWith('email:') ? 'fields.email' : 'fields.fullName';
      return fail('validation', 'This person has already applied to this campaign', { [field]: 'validation.candidateTwice' });
    }
  }
  return ok(null);
}

export function createCandidatesService(deps: TransfoDeps, ctx: TransfoContext) {
  const { db, labDesk, write, campaignFor } = ctx;

  async function view(id: string) {
    const candidate = await findCandidate(db, id);
    return candidate ? ok(candidate) : fail('not_found', `No candidate ${id}`);
  }

  /** The live candidate, its campaign not purged and its data not erased. */
  async function current(w: UnitOfWork, id: string, field: string): Promise<Result<CandidateRecord>> {
    const row = await w.find(transfoCandidateCodec, id);
    if (!row || row.deleted_at !== null) return fail('not_found', `No candidate ${id}`);
    const candidate = transfoCandidateCodec.toRecord(row);
    const campaign = await campaignFor(w.trx, candidate.campaignId, 'not_purged', field);
    if (!campaign.ok) return campaign;
    if (candidate.fullName === null) return fail('invalid_transition', 'The candidate was erased', { [field]: 'validation.candidateErased' });
    return ok(candidate);
  }

  function moveRecord(w: UnitOfWork, c: Pick<CandidateRecord, 'id' | 'campaignId' | 'personId'>, from: CandidateStage | null, to: CandidateStage, reason: string | null) {
    return w.insert(transfoStageMoveCodec, {
      fields: { campaignId: c.campaignId, candidateId: c.id, personId: c.personId, from, to, at: w.at, by: deps.actor(), reason },
    });
  }

  return {
    async candidates(input: CommandParsedInput<'transfo:candidates'>) {
      return ok(await listCandidates(db, input));
    },

    async candidate({ id }: CommandParsedInput<'transfo:candidate'>) {
      return view(id);
    },

    async history({ id }: CommandParsedInput<'transfo:history'>) {
      if (!(await findCandidate(db, id))) return fail('not_found', `No candidate ${id}`);
      return ok({ items: await stageHistory(db, id) });
    },

    async createCandidate({ campaignId, fields }: CommandParsedInput<'transfo:create-candidate'>) {
      const desk = await labDesk('fields.fullName');
      if (!desk.ok) return desk;
      const checked = checkFields(fields);
      if (!checked.ok) return checked;
      const id = deps.newId();
      const created = await write(campaignId, async (w) => {
        const campaign = await campaignFor(w.trx, campaignId, 'open', 'campaignId');
        if (!campaign.ok) return campaign;
        const once = await unique(w.trx, campaignId, fields, null);
        if (!once.ok) return once;
        const person = await w.insert(personCodec, { fields: { name: fields.fullName, email: fields.email, phone: null, citizenCardNumber: null } });
        const candidate = await w.insert(transfoCandidateCodec, {
          id,
          fields: {
            campaignId,
            personId: person.id,
            ...candidateColumns(fields, null, w.at),
            stage: 'applied',
            metBy: null,
            metOn: null,
            notChosenReason: null,
            stageChangedAt: w.at,
            stageChangedBy: deps.actor(),
          },
        });
        await moveRecord(w, candidate, null, 'applied', null);
        return ok(candidate);
      });
      return created.ok ? view(id) : created;
    },

    async updateCandidate({ id, version, fields }: CommandParsedInput<'transfo:update-candidate'>) {
      const desk = await labDesk('fields.fullName');
      if (!desk.ok) return desk;
      const checked = checkFields(fields);
      if (!checked.ok) return checked;
      const found = await findCandidate(db, id);
      if (!found) return fail('not_found', `No candidate ${id}`);
      const updated = await write(found.campaignId, async (w) => {
        const before = await current(w, id, 'fields.fullName');
        if (!before.ok) return before;
        const once = await unique(w.trx, before.value.campaignId, fields, id);
        if (!once.ok) return once;
        const candidate = await w.update(transfoCandidateCodec, id, (c) => ok(candidateColumns(fields, c, w.at)), { expectedVersion: version });
        if (!candidate.ok) return candidate;
        return w.update(personCodec, before.value.personId, () => ok({ name: fields.fullName, email: fields.email }));
      });
      return updated.ok ? view(id) : updated;
    },

    async moveStage({ id, version, to, reason, metBy, metOn }: CommandParsedInput<'transfo:move-stage'>) {
      const desk = await labDesk('to');
      if (!desk.ok) return desk;
      const found = await findCandidate(db, id);
      if (!found) return fail('not_found', `No candidate ${id}`);
      const why = reason?.trim() ? reason.trim() : null;
      const moved = await write(found.campaignId, async (w) => {
        const before = await current(w, id, 'to');
        if (!before.ok) return before;
        const from = before.value.stage;
        if (!canMove(from, to)) return fail('invalid_transition', `A candidate ${from} cannot become ${to}`, { to: 'validation.stageMove' });
        if (to === 'not_chosen' && !why) return fail('validation', 'The reason is shown in the letter', { reason: 'validation.required' });
        const fields: Partial<CandidateRecord> = { stage: to, stageChangedAt: w.at, stageChangedBy: deps.actor() };
        if (to === 'met') {
          // Who met them and when: given with the move, or kept from the meeting (a decision undone).
          const by = metBy?.trim() || before.value.metBy;
          const on = metOn ?? before.value.metOn;
          const missing = { ...(by ? {} : { metBy: 'validation.required' }), ...(on ? {} : { metOn: 'validation.required' }) };
          if (!by || !on) return fail('validation', 'Who met the candidate, and when', missing);
          Object.assign(fields, { metBy: by, metOn: on });
        }
        // The letter shows the reason of the decision that stands: an undone one leaves with it.
        fields.notChosenReason = to === 'not_chosen' ? why : null;
        const updated = await w.update(transfoCandidateCodec, id, () => ok(fields), { expectedVersion: version });
        if (!updated.ok) return updated;
        await moveRecord(w, before.value, from, to, why);
        return ok(null);
      });
      return moved.ok ? view(id) : moved;
    },
  };
}
