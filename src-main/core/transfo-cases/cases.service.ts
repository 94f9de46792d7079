/**
 * La Transfo's practical cases (issue 11; docs/transfo-cases.md): a case brought by a City
 * service, worked on across the training's sessions and the lab's monthly workshops. Only lab
 * desktops write (`validation.transfoCasesLabOnly`); writes go through the funnel only and say
 * `transfoCases:changed` with the case's id.
 *
 * Rules: a case's sessions and journal entries name workshops of the kinds cases are worked on
 * in (`caseSessionKinds`); a case is `decided` only with a decision recorded; a prototype names
 * only attachments stored on this desk (the sync must be able to send them before the case).
 */
import type { CommandParsedInput } from '#shared/contract.js';
import { parisDay } from '#shared/people/retention-dates.js';
import { fail, ok, type Result } from '#shared/result.js';
import { caseGlance, type CaseParts } from '#shared/transfo/case.schema.js';
import { CASE_LIMITS, CASE_VIDEO_MAX_BYTES, caseMediaTypes, caseSessionKinds, type CaseMediaType } from '#shared/transfo/case-values.js';
import type { ServiceDeps } from '../deps.js';
import { existsSync } from 'node:fs';
import { attachmentPath, storeAttachment } from '../store/attachments.repository.js';
import { readEncryptedFile } from '../store/file-cipher.js';
import type { Executor } from '../store/executor.js';
import { runWrite, type UnitOfWork } from '../store/synced-write.js';
import { getMeta, META } from '../sync/sync.repository.js';
import { findWorkshopRow } from '../workshops/workshops.repository.js';
import { transfoCaseCodec, type CaseRecord } from './case.codec.js';
import { findCase, listCases } from './cases.repository.js';

export interface CasesDeps extends ServiceDeps {
  attachmentsDir: string | null;
  attachmentKey: Buffer | null;
}

/** The first bytes a video must start with: its type is checked, not trusted. */
const VIDEO_SIGNATURES = {
  // ISO base media (MP4): a box size, then `ftyp`.
  'video/mp4': (b: Uint8Array) => String.fromCharCode(...b.subarray(4, 8)) === 'ftyp',
  // Matroska / WebM: the EBML magic number.
  'video/webm': (b: Uint8Array) => b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3,
} as const;

const isSessionKind = (kind: string) => (caseSessionKinds as readonly string[]).includes(kind);

export function createCasesService(deps: CasesDeps) {
  const { db } = deps;

  async function labDesk(field: string): Promise<Result<null>> {
    return (await getMeta(db, META.role)) === 'field'
      ? fail('validation', 'La Transfo’s cases are kept on lab desktops', { [field]: 'validation.transfoCasesLabOnly' })
      : ok(null);
  }

  const write = <T>(id: string, body: (w: UnitOfWork) => Promise<Result<T>>) => runWrite(deps, body, { eventIds: { 'transfoCases:changed': id } });

  async function view(id: string) {
    const found = await findCase(db, id);
    return found ? ok(found) : fail('not_found', `No case ${id}`);
  }

  /** Each session a workshop of a kind cases are worked on in; the first that is not, refused. */
  async function checkSessions(trx: Executor, ids: readonly string[], field: (i: number) => string): Promise<Result<null>> {
    for (const [i, id] of ids.entries()) {
      const workshop = await findWorkshopRow(trx, id);
      if (!workshop || workshop.deleted_at !== null || !isSessionKind(workshop.kind)) {
        return fail('validation', `Workshop ${id} is not a session of La Transfo`, { [field(i)]: 'validation.caseSessionKind' });
      }
    }
    return ok(null);
  }

  /** Attachments a change adds to the prototypes must be stored here (the sync sends them first). */
  async function checkAttachments(trx: Executor, before: CaseRecord, prototypes: CaseParts['prototypes']): Promise<Result<null>> {
    const known = new Set(before.prototypes.flatMap((p) => p.attachments.map((a) => a.sha256)));
    for (const [i, p] of prototypes.entries()) {
      for (const [j, a] of p.attachments.entries()) {
        if (known.has(a.sha256)) continue;
        const row = await trx.selectFrom('attachments').select(['media_type']).where('sha256', '=', a.sha256).executeTakeFirst();
        if (!row || row.media_type !== a.mediaType) {
          return fail('validation', `Attachment ${a.sha256} is not stored here`, { [`fields.prototypes.${i}.attachments.${j}`]: 'validation.caseAttachmentUnknown' });
        }
      }
    }
    return ok(null);
  }

  return {
    async list({ campaignId, states, direction }: CommandParsedInput<'transfoCases:list'>) {
      const today = parisDay(deps.now());
      const cases = await listCases(db, { campaignId, ...(states ? { states } : {}), ...(direction ? { direction } : {}) });
      return ok({ items: cases.map((c) => caseGlance(c, today)) });
    },

    async get({ id }: CommandParsedInput<'transfoCases:get'>) {
      return view(id);
    },

    async create({ campaignId, fields }: CommandParsedInput<'transfoCases:create'>) {
      const desk = await labDesk('fields.title');
      if (!desk.ok) return desk;
      const campaign = await db.selectFrom('transfo_campaigns').select('id').where('id', '=', campaignId).where('deleted_at', 'is', null).executeTakeFirst();
      if (!campaign) return fail('not_found', `No campaign ${campaignId}`);
      const id = deps.newId();
      const created = await write(id, async (w) =>
        ok(
          await w.insert(transfoCaseCodec, {
            id,
            fields: { ...fields, campaignId, insights: [], prototypes: [], decisions: [], nextSteps: [], state: 'framing', sessions: [], journal: [] },
          }),
        ),
      );
      return created.ok ? view(id) : created;
    },

    async update({ id, version, fields }: CommandParsedInput<'transfoCases:update'>) {
      const desk = await labDesk(`fields.${Object.keys(fields)[0] ?? 'title'}`);
      if (!desk.ok) return desk;
      const updated = await write(id, async (w) => {
        const before = await findCase(w.trx, id);
        if (!before) return fail('not_found', `No case ${id}`);
        if (fields.sessions) {
          const added = fields.sessions.filter((s) => !before.sessions.includes(s));
          const sessions = await checkSessions(w.trx, added, (i) => `fields.sessions.${fields.sessions!.indexOf(added[i]!)}`);
          if (!sessions.ok) return sessions;
        }
        if (fields.prototypes) {
          const attachments = await checkAttachments(w.trx, before, fields.prototypes);
          if (!attachments.ok) return attachments;
        }
        const state = fields.state ?? before.state;
        const decisions = fields.decisions ?? before.decisions;
        if (state === 'decided' && decisions.length === 0) {
          return fail('validation', 'A decided case needs a decision', { [fields.state ? 'fields.state' : 'fields.decisions']: 'validation.caseDecidedNeedsDecision' });
        }
        return w.update(transfoCaseCodec, id, () => ok(fields), { expectedVersion: version });
      });
      return updated.ok ? view(id) : updated;
    },

    async addJournalEntry({ id, version, entry }: CommandParsedInput<'transfoCases:add-journal-entry'>) {
      const desk = await labDesk('entry.summary');
      if (!desk.ok) return desk;
      const updated = await write(id, async (w) => {
        let date = entry.date;
        if (entry.workshopId !== null) {
          const workshop = await findWorkshopRow(w.trx, entry.workshopId);
          if (!workshop || workshop.deleted_at !== null || !isSessionKind(workshop.kind)) {
            return fail('validation', `Workshop ${entry.workshopId} is not a session of La Transfo`, { 'entry.workshopId': 'validation.caseSessionKind' });
          }
          // An entry at a session is dated by the session (the publication reads the month by it).
          date = parisDay(workshop.starts_at);
        }
        return w.update(
          transfoCaseCodec,
          id,
          (current) => {
            if (current.journal.length >= CASE_LIMITS.journal) {
              return fail('validation', 'The journal is full', { 'entry.summary': `validation.tooMany:${CASE_LIMITS.journal}` });
            }
            const journal = [...current.journal, { date: date!, workshopId: entry.workshopId, summary: entry.summary }];
            const sessions = entry.workshopId && !current.sessions.includes(entry.workshopId) ? [...current.sessions, entry.workshopId] : current.sessions;
            return ok({ journal, sessions });
          },
          { expectedVersion: version },
        );
      });
      return updated.ok ? view(id) : updated;
    },

    async addVideo({ mediaType, base64 }: CommandParsedInput<'transfoCases:add-video'>) {
      const desk = await labDesk('base64');
      if (!desk.ok) return desk;
      if (!deps.attachmentsDir || !deps.attachmentKey) return fail('unavailable', 'This core has no data folder for attachments');
      const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
      if (bytes.length === 0) return fail('validation', 'Empty file', { base64: 'validation.required' });
      if (bytes.length > CASE_VIDEO_MAX_BYTES) return fail('validation', 'Video too big', { base64: 'validation.videoTooBig' });
      if (!VIDEO_SIGNATURES[mediaType](bytes)) return fail('validation', `Not a ${mediaType} file`, { mediaType: 'validation.mediaType' });
      return ok(await storeAttachment(db, deps.attachmentsDir, deps.attachmentKey, bytes, mediaType, deps.now().toISOString()));
    },

    async attachment({ sha256 }: CommandParsedInput<'transfoCases:attachment'>) {
      const desk = await labDesk('sha256');
      if (!desk.ok) return desk;
      if (!deps.attachmentsDir || !deps.attachmentKey) return fail('unavailable', 'This core has no data folder for attachments');
      const row = await db.selectFrom('attachments').select('media_type').where('sha256', '=', sha256).executeTakeFirst();
      const path = attachmentPath(deps.attachmentsDir, sha256);
      // Only a case's media: a scanned sign-in sheet (a PDF) is not shown here.
      if (!row || !(caseMediaTypes as readonly string[]).includes(row.media_type) || !existsSync(path)) return fail('not_found', `No attachment ${sha256} here`);
      return ok({ mediaType: row.media_type as CaseMediaType, base64: readEncryptedFile(path, deps.attachmentKey).toString('base64') });
    },
  };
}
