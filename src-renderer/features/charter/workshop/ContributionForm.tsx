/**
 * One contribution typed at the workshop: the question, the type of answer the question takes,
 * the agreement (a radio group, 1 to 5) or the text (a proposal; an amendment starts from the
 * article's text, and its diff shows as it is typed), the lab's themes, and who gave it (a
 * person, or a table of the workshop). A draft is kept as it is typed; once saved, the form
 * keeps the question and who is speaking, ready for the next contribution.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  contributionFieldsSchema,
  contributorKinds,
  type CharterStructure,
  type Consultation,
  type ContributionFields,
  type ContributionFieldsInput,
  type ContributionType,
} from '#shared/charter/charter.schema.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { translateMessage } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { SelectField } from '#renderer/components/SelectField.js';
import { TextField } from '#renderer/components/TextField.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
import { AmendmentDiff } from '../AmendmentDiff';
import { agreementOptions } from '../AnswerParts';
import { CheckboxGroupField } from '#renderer/components/CheckboxGroupField.js';
import { ChoiceField } from '#renderer/components/ChoiceField.js';
import { nounOf } from '../record-nouns';
import { articleOf, orderedQuestions, questionLabel } from '../use-charter';

type V = ContributionFieldsInput;

export function ContributionForm({ workshopId, consultation, structure }: { workshopId: string; consultation: Consultation; structure: CharterStructure }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const questions = orderedQuestions(structure);
  const first = questions[0]!;
  const typeRef = useRef<HTMLDivElement>(null);
  const empty = (questionId: string, type: ContributionType | undefined, keep?: Pick<V, 'contributor' | 'tableLabel' | 'attendanceId'>): V => {
    const q = structure.questions.find((x) => x.id === questionId);
    return {
      answer: {
        questionId,
        type: type as ContributionType,
        agreement: null,
        text: type === 'amendment' ? (articleOf(structure, q)?.body ?? '') : type === 'proposal' ? '' : null,
        tagIds: [],
      },
      contributor: keep?.contributor ?? 'individual',
      profileId: null,
      attendanceId: keep?.attendanceId ?? null,
      tableLabel: keep?.tableLabel ?? null,
    };
  };
  const onlyType = (questionId: string) => {
    const accepts = structure.questions.find((x) => x.id === questionId)?.accepts ?? [];
    return accepts.length === 1 ? accepts[0] : undefined;
  };
  const draft = useDraftForm<V, ContributionFields>({
    storageKey: `atelier.draft.charter.contribution.${workshopId}.${consultation.id}`,
    defaults: empty(first.id, onlyType(first.id)),
    resolver: zodResolver(contributionFieldsSchema),
  });
  const { control, handleSubmit, formState, setValue, reset, getValues } = draft.form;
  const questionId = useWatch({ control, name: 'answer.questionId' });
  const type = useWatch({ control, name: 'answer.type' });
  const text = useWatch({ control, name: 'answer.text' });
  const contributor = useWatch({ control, name: 'contributor' });
  const question = structure.questions.find((q) => q.id === questionId);
  const article = articleOf(structure, question);
  const e = formState.errors;
  const err = (m: { message?: string } | undefined) => translateMessage(t, m?.message);
  const dirty = { shouldDirty: true } as const;
  // Who speaks, among the people present: their anonymous profile is recorded if they agreed to the study.
  const room = useResult(() => invoke('attendance:list', { workshopId }), `charter-room:${workshopId}`, ['attendance:changed']);
  const present = (room.data?.items ?? []).filter((a) => a.status === 'present');
  const speakerOptions = [
    { id: 'nobody', label: t('charter.contribute.speakerNobody') },
    ...present.map((a, i) => ({ id: a.id, label: `${a.name ?? t('charter.contribute.speakerUnnamed', { n: i + 1 })}${a.hasProfile ? '' : ` ${t('charter.contribute.speakerNoStudy')}`}` })),
  ];

  function chooseType(next: ContributionType) {
    setValue('answer.type', next, dirty);
    setValue('answer.agreement', null, dirty);
    setValue('answer.text', next === 'amendment' ? (article?.body ?? '') : next === 'proposal' ? '' : null, dirty);
  }

  async function onValid(fields: ContributionFields) {
    draft.sending();
    const result = await invoke('charter:contribute', { consultationId: consultation.id, workshopId, fields });
    if (!result.ok) {
      draft.refused(result.error, (path) => path.replace(/^fields\./, ''));
      return;
    }
    draft.saved();
    const kept = getValues();
    reset(empty(kept.answer.questionId, kept.answer.type, { contributor: kept.contributor, tableLabel: kept.tableLabel, attendanceId: kept.attendanceId ?? null }));
    notice.show({ tone: 'success', message: (tr) => tr('charter.contribute.saved') });
    typeRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }

  return (
    <form className="charter-section" noValidate aria-labelledby="contribution-form" aria-describedby="contribution-note" onSubmit={(ev) => void handleSubmit(onValid, draft.invalid)(ev)}>
      <h2 id="contribution-form">{t('charter.contribute.formHeading')}</h2>
      <FormHead noteId="contribution-note" head={draft.head} summaryRef={draft.summaryRef} record={nounOf.contribution} />
      <Controller
        control={control}
        name="answer.questionId"
        render={({ field }) => (
          <SelectField
            label={t('charter.contribute.question')}
            name="questionId"
            placeholder={t('common.choose')}
            options={questions.map((q) => ({ id: q.id, label: questionLabel(structure, q) }))}
            value={field.value ?? null}
            onChange={(v) => {
              if (!v) return;
              field.onChange(v);
              chooseTypeFor(v);
            }}
            onBlur={field.onBlur}
            buttonRef={field.ref}
            isRequired
            errorMessage={err(e.answer?.questionId)}
          />
        )}
      />
      {question ? (
        <ChoiceField
          label={t('charter.contribute.type')}
          name="type"
          inputRef={typeRef}
          isRequired
          options={question.accepts.map((id) => ({ id, label: t(`labels.contributionTypes.${id}`) }))}
          value={type ?? null}
          onChange={(v) => chooseType(v as ContributionType)}
          errorMessage={err(e.answer?.type)}
        />
      ) : null}
      {article && type !== 'amendment' ? (
        <div className="charter-article-text">
          <p className="field__label">{t('charter.contribute.articleText', { title: article.title })}</p>
          <p>{article.body}</p>
        </div>
      ) : null}
      {type === 'agreement' ? (
        <Controller
          control={control}
          name="answer.agreement"
          render={({ field }) => (
            <ChoiceField
              label={article ? t('charter.contribute.agreement') : t('charter.contribute.agreementOnly')}
              name="agreement"
              vertical
              isRequired
              options={agreementOptions(t)}
              value={field.value === null || field.value === undefined ? null : String(field.value)}
              onChange={(v) => field.onChange(Number(v))}
              errorMessage={err(e.answer?.agreement)}
            />
          )}
        />
      ) : null}
      {type === 'proposal' || type === 'amendment' ? (
        <Controller
          control={control}
          name="answer.text"
          render={({ field }) => (
            <TextField
              label={type === 'amendment' ? t('charter.contribute.amendment') : t('charter.contribute.proposal')}
              name="text"
              description={type === 'amendment' ? t('charter.contribute.amendmentHint') : undefined}
              multiline
              rows={type === 'amendment' ? 6 : 4}
              isRequired
              value={field.value ?? ''}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              errorMessage={err(e.answer?.text)}
            />
          )}
        />
      ) : null}
      {type === 'amendment' && article ? <AmendmentDiff id="contribution-diff" base={article.body} text={text ?? ''} /> : null}
      {structure.tags.length ? (
        <Controller
          control={control}
          name="answer.tagIds"
          render={({ field }) => (
            <CheckboxGroupField
              label={t('charter.contribute.tags')}
              name="tagIds"
              description={t('charter.contribute.tagsHint')}
              options={[...structure.tags].sort((a, b) => a.label.localeCompare(b.label)).map((g) => ({ id: g.id, label: g.label }))}
              value={field.value ?? []}
              onChange={field.onChange}
              errorMessage={err(e.answer?.tagIds)}
            />
          )}
        />
      ) : (
        <p className="screen__meta">{t('charter.contribute.noTags')}</p>
      )}
      <Controller
        control={control}
        name="contributor"
        render={({ field }) => (
          <ChoiceField
            label={t('charter.contribute.contributor')}
            name="contributor"
            isRequired
            description={field.value === 'individual' ? t('charter.contribute.individualHint') : undefined}
            options={contributorKinds.map((id) => ({ id, label: t(`labels.contributorKinds.${id}`) }))}
            value={field.value ?? null}
            onChange={(v) => {
              field.onChange(v);
              if (v === 'individual') setValue('tableLabel', null, dirty);
              if (v === 'table') setValue('attendanceId', null, dirty);
            }}
            errorMessage={err(e.contributor)}
          />
        )}
      />
      {contributor === 'individual' && present.length > 0 ? (
        <Controller
          control={control}
          name="attendanceId"
          render={({ field }) => (
            <SelectField
              label={t('charter.contribute.speaker')}
              name="attendanceId"
              options={speakerOptions}
              value={field.value && present.some((a) => a.id === field.value) ? field.value : 'nobody'}
              onChange={(v) => field.onChange(v === null || v === 'nobody' ? null : v)}
              placeholder={t('common.choose')}
              description={t('charter.contribute.speakerHint')}
              errorMessage={err(e.attendanceId)}
            />
          )}
        />
      ) : null}
      {contributor === 'table' ? (
        <Controller
          control={control}
          name="tableLabel"
          render={({ field }) => (
            <TextField
              label={t('charter.contribute.tableLabel')}
              name="tableLabel"
              description={t('charter.contribute.tableLabelHint')}
              isRequired
              value={field.value ?? ''}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              errorMessage={err(e.tableLabel)}
            />
          )}
        />
      ) : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('charter.structure.saving') : t('charter.contribute.save')}
        </Button>
      </div>
    </form>
  );

  /** A new question: its only answer type is chosen at once; otherwise the person chooses. */
  function chooseTypeFor(nextQuestion: string) {
    const only = onlyType(nextQuestion);
    const accepts = structure.questions.find((x) => x.id === nextQuestion)?.accepts ?? [];
    const current = getValues('answer.type');
    if (only) chooseType(only);
    else if (current && !accepts.includes(current)) {
      setValue('answer.type', undefined as unknown as ContributionType, dirty);
      setValue('answer.agreement', null, dirty);
      setValue('answer.text', null, dirty);
    } else if (current === 'amendment') chooseType('amendment');
  }
}
