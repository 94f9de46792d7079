/** A candidate's fields as a description list, or as the rows of a comparison. */
import type { TFunction } from 'i18next';
import type { Candidate } from '#shared/transfo/transfo.schema.js';
import type { Language } from '#shared/i18n/languages.js';
import { dayText } from './shared';

/** Each field the lab reads of a candidate: its label and its text. */
export function candidateLines(t: TFunction, language: Language, c: Candidate): { key: string; label: string; value: string }[] {
  const dash = t('transfo.ui.candidate.notGiven');
  const yesNo = (v: boolean | null) => (v === null ? dash : v ? t('transfo.ui.candidate.yes') : t('transfo.ui.candidate.no'));
  const f = (key: string) => t(`transfo.ui.candidateForm.${key}` as 'transfo.ui.candidateForm.fullName');
  return [
    { key: 'fullName', label: f('fullName'), value: c.fullName ?? t('transfo.ui.candidate.erased') },
    { key: 'email', label: f('email'), value: c.email ?? dash },
    { key: 'stage', label: t('transfo.ui.list.colStage'), value: t(`transfo.stages.${c.stage}`) },
    { key: 'direction', label: f('direction'), value: `${c.direction} — ${t(`transfo.directions.${c.direction}`)}` },
    { key: 'service', label: f('service'), value: c.service ?? dash },
    { key: 'category', label: f('category'), value: t(`transfo.categories.${c.category}`) },
    { key: 'job', label: f('job'), value: c.job ?? dash },
    { key: 'yearsInCity', label: f('yearsInCity'), value: c.yearsInCity === null ? dash : t('transfo.ui.list.years', { count: c.yearsInCity }) },
    { key: 'gender', label: t('transfo.ui.list.colGender'), value: t(`transfo.genders.${c.gender ?? 'unknown'}`) },
    { key: 'availability', label: f('availability'), value: t(`transfo.ui.availabilities.${c.availability}`) },
    { key: 'managerAgreement', label: f('managerAgreement'), value: yesNo(c.managerAgreement) },
    { key: 'managerAgreedOn', label: f('managerAgreedOn'), value: c.managerAgreedOn ? dayText(c.managerAgreedOn, language) : dash },
    { key: 'motivation', label: f('motivation'), value: c.motivation || dash },
    { key: 'meetingNotes', label: f('meetingNotes'), value: c.meetingNotes || dash },
    { key: 'metBy', label: t('transfo.ui.candidate.metBy'), value: c.metBy ?? dash },
    { key: 'metOn', label: t('transfo.ui.candidate.metOn'), value: c.metOn ? dayText(c.metOn, language) : dash },
    { key: 'reason', label: t('transfo.ui.candidate.reason'), value: c.notChosenReason ?? dash },
    { key: 'keepForNextCall', label: f('keepForNextCall'), value: yesNo(c.keepForNextCall) },
  ];
}
