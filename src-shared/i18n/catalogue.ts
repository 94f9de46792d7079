/**
 * THE label catalogue: every word a person reads, in French and English, for the renderer and
 * for the documents the core writes (sign-in sheet, study files). One namespace per file of
 * fr/ and en/; the domain's values (kinds, statuses, themes, age brackets…) once, in labels.ts.
 *
 * French is the reference: `Catalogue` is derived from it and the English must have exactly
 * its keys (`satisfies`), plural forms and gender variants aside (see shape.ts). A key missing
 * in English, or a key used in code and missing here, is a compile error (i18next.d.ts types
 * `t()` with the French catalogue).
 *
 * A new domain adds `fr/<domain>.ts` and `en/<domain>.ts` and one line in each object below.
 */
import type { ErrorCode } from '../result.js';
import type { Shape } from './shape.js';
import { appEn, commonEn } from './en/app.js';
import { attendanceEn } from './en/attendance.js';
import { charterEn } from './en/charter.js';
import { charterReportEn } from './en/charter-report.js';
import { citizenCardEn } from './en/citizen-card.js';
import { citizenCardDocsEn } from './en/citizen-card-docs.js';
import { errorsEn, nounsEn, validationEn } from './en/errors.js';
import { labelsEn } from './en/labels.js';
import { peopleEn } from './en/people.js';
import { proposalsEn } from './en/proposals.js';
import { studyEn } from './en/study.js';
import { syncCenterEn } from './en/sync.js';
import { transfoEn } from './en/transfo.js';
import { publicationEn } from './en/publication.js';
import { transfoMethodsEn } from './en/transfo-methods.js';
import { transfoCasesEn } from './en/transfo-cases.js';
import { transfoTrainingEn } from './en/transfo-training.js';
import { vaultEn } from './en/vault.js';
import { workshopsEn } from './en/workshops.js';
import { appFr, commonFr } from './fr/app.js';
import { attendanceFr } from './fr/attendance.js';
import { charterFr } from './fr/charter.js';
import { charterReportFr } from './fr/charter-report.js';
import { citizenCardFr } from './fr/citizen-card.js';
import { citizenCardDocsFr } from './fr/citizen-card-docs.js';
import { errorsFr, nounsFr, validationFr } from './fr/errors.js';
import { labelsFr } from './fr/labels.js';
import { peopleFr } from './fr/people.js';
import { proposalsFr } from './fr/proposals.js';
import { studyFr } from './fr/study.js';
import { syncCenterFr } from './fr/sync.js';
import { transfoFr } from './fr/transfo.js';
import { publicationFr } from './fr/publication.js';
import { transfoMethodsFr } from './fr/transfo-methods.js';
import { transfoCasesFr } from './fr/transfo-cases.js';
import { transfoTrainingFr } from './fr/transfo-training.js';
import { vaultFr } from './fr/vault.js';
import { workshopsFr } from './fr/workshops.js';

export const fr = {
  app: appFr,
  common: commonFr,
  labels: labelsFr,
  errors: errorsFr,
  nouns: nounsFr,
  validation: validationFr,
  workshops: workshopsFr,
  attendance: attendanceFr,
  proposals: proposalsFr,
  study: studyFr,
  people: peopleFr,
  syncCenter: syncCenterFr,
  vault: vaultFr,
  charter: charterFr,
  charterReport: charterReportFr,
  citizenCard: citizenCardFr,
  citizenCardDocs: citizenCardDocsFr,
  transfo: transfoFr,
  transfoMethods: transfoMethodsFr,
  transfoCases: transfoCasesFr,
  transfoTraining: transfoTrainingFr,
  publication: publicationFr,
};

export type Catalogue = Shape<typeof fr>;

export const en = {
  app: appEn,
  common: commonEn,
  labels: labelsEn,
  errors: errorsEn,
  nouns: nounsEn,
  validation: validationEn,
  workshops: workshopsEn,
  attendance: attendanceEn,
  proposals: proposalsEn,
  study: studyEn,
  people: peopleEn,
  syncCenter: syncCenterEn,
  vault: vaultEn,
  charter: charterEn,
  charterReport: charterReportEn,
  citizenCard: citizenCardEn,
  citizenCardDocs: citizenCardDocsEn,
  transfo: transfoEn,
  transfoMethods: transfoMethodsEn,
  transfoCases: transfoCasesEn,
  transfoTraining: transfoTrainingEn,
  publication: publicationEn,
} satisfies Catalogue;

/** The i18next resources, one namespace (`translation`) per language. */
export const resources = { fr: { translation: fr }, en: { translation: en } };

/** A record an error sentence can be about (`errors.*` names it through `nouns`). */
export type RecordNoun = keyof typeof nounsFr;

/** Every error code of src-shared/result.ts has its sentence: a new code fails to compile here. */
export const errorSentences: Record<ErrorCode, string> = errorsFr;
