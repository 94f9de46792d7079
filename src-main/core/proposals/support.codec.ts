/**
 * How a support (a dot or a majority-judgement grade) is held in its row and how it travels.
 * Its event is its proposal's: the screens that show supports list proposals.
 */
import type { Grade, Support, SupportMethod } from '#shared/proposals/support.schema.js';
import { column, defineCodec, int, nullable, text } from '../store/codec.js';

export const supportCodec = defineCodec<Support, 'supports'>()({
  entity: 'support',
  table: 'supports',
  changedEvent: 'proposals:changed',
  eventId: (s) => s.proposalId,
  fields: {
    proposalId: column('proposal_id', text()),
    workshopId: column('workshop_id', text()),
    profileId: column('profile_id', nullable(text())),
    method: column('method', text<SupportMethod>()),
    dots: column('dots', nullable(int)),
    grade: column('grade', nullable(text<Grade>())),
    recordedAt: column('recorded_at', text()),
    deletedAt: column('deleted_at', nullable(text())),
  },
  local: ['id', 'version'],
  label: (s) => ({ key: 'syncCenter.records.support', values: { method: s.method, proposal: s.proposalId.slice(0, 8) } }),
});
