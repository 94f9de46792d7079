/**
 * THE registry of synced record kinds: one codec per kind, keyed by the protocol's SyncEntity
 * list, so that a kind missing here is a compile error. The sync (push, pull, re-push after a
 * portal restore, conflicts, labels) works from this map only; nothing in it is per table.
 */
import type { z } from 'zod';
import type { syncEntitySchemas } from '#shared/sync/entities.js';
import type { SyncEntity } from '#shared/sync/protocol.schema.js';
import {
  charterArticleCodec,
  charterChapterCodec,
  charterConsultationCodec,
  charterContributionCodec,
  charterQuestionCodec,
  charterTagCodec,
} from './charter/charter.codecs.js';
import { attendanceCodec, consentCodec, headCountCodec, personCodec, profileCodec } from './attendance/attendance.codecs.js';
import {
  cardAtelierTypeCodec,
  cardDrawCodec,
  cardHolderCodec,
  cardOccurrenceCodec,
  cardPromotionCodec,
  cardRegistrationCodec,
} from './citizen-card/citizen-card.codecs.js';
import { erasureCodec, labSettingsCodec } from './people/rights.codecs.js';
import { proposalCodec } from './proposals/proposal.codec.js';
import { supportCodec } from './proposals/support.codec.js';
import type { SyncedFieldsOf, SyncedRegistry } from './store/codec.js';
import { transfoCampaignCodec, transfoCandidateCodec, transfoStageMoveCodec } from './transfo/transfo.codecs.js';
import { transfoCaseCodec } from './transfo-cases/case.codec.js';
import { transfoAttendanceCodec, transfoModuleCodec, transfoSessionCodec } from './transfo-training/training.codecs.js';
import { workshopCodec } from './workshops/workshop.codec.js';
import { labPublicationCodec, labPublicationVersionCodec } from './publication/publication.codecs.js';

export const syncedTables = {
  workshop: workshopCodec,
  person: personCodec,
  profile: profileCodec,
  attendance: attendanceCodec,
  consent: consentCodec,
  head_count: headCountCodec,
  proposal: proposalCodec,
  support: supportCodec,
  erasure: erasureCodec,
  lab_settings: labSettingsCodec,
  charter_chapter: charterChapterCodec,
  charter_article: charterArticleCodec,
  charter_question: charterQuestionCodec,
  charter_tag: charterTagCodec,
  charter_consultation: charterConsultationCodec,
  charter_contribution: charterContributionCodec,
  card_atelier_type: cardAtelierTypeCodec,
  card_occurrence: cardOccurrenceCodec,
  card_draw: cardDrawCodec,
  card_promotion: cardPromotionCodec,
  card_holder: cardHolderCodec,
  card_registration: cardRegistrationCodec,
  transfo_campaign: transfoCampaignCodec,
  transfo_candidate: transfoCandidateCodec,
  transfo_stage_move: transfoStageMoveCodec,
  transfo_case: transfoCaseCodec,
  transfo_module: transfoModuleCodec,
  transfo_session: transfoSessionCodec,
  transfo_attendance: transfoAttendanceCodec,
  lab_publication: labPublicationCodec,
  lab_publication_version: labPublicationVersionCodec,
} as const satisfies SyncedRegistry;

/**
 * Each codec's synced fields are exactly the fields of the portal's record schema for its
 * kind (src-shared/sync/entities.ts): a field added to one and not the other fails here.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type PortalRecord<E extends SyncEntity> = z.output<(typeof syncEntitySchemas)[E]['record']>;
export type CodecMatchesPortalSchema = {
  [E in SyncEntity]: Same<Required<SyncedFieldsOf<(typeof syncedTables)[E]>>, Required<PortalRecord<E>>>;
};
const codecsMatchPortalSchemas: { [E in SyncEntity]: true } = {} as CodecMatchesPortalSchema;
void codecsMatchPortalSchemas;
