/**
 * Create or edit a proposal. Validated with the shared schema (the same the core applies),
 * errors beside each field, a draft kept as you type, and what was typed kept on any error.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { proposalFieldsSchema, type Proposal, type ProposalFields as Fields } from '#shared/proposals/proposal.schema.js';
import type { AppError } from '#shared/result.js';
import { invoke } from '#renderer/api/client.js';
import { translateError } from '#renderer/app/i18n.js';
import { useNotice } from '#renderer/app/notices.js';
import { DraftRestoredNotice, FormSummary } from '#renderer/components/FormNotices.js';
import { Button } from '#renderer/components/Button.js';
import { clearDraft, loadDraft, saveDraft } from './draft';
import { emptyValues, valuesFromProposal, type FormValues } from './form-values';
import { ProposalFields } from './ProposalFields';

export interface ProposalFormProps {
  workshopId: string;
  /** The workshop's arrondissement, proposed by default for a new proposal. */
  arrondissement: number | null;
  proposal?: Proposal;
}

export function ProposalForm({ workshopId, arrondissement, proposal }: ProposalFormProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notice = useNotice();
  const draftKey = proposal ? `edit:${proposal.id}` : `new:${workshopId}`;
  const [initialDraft] = useState(() => loadDraft(draftKey));
  const [draftShown, setDraftShown] = useState(Boolean(initialDraft));
  const [serverError, setServerError] = useState<AppError | null>(null);
  const [triedSubmit, setTriedSubmit] = useState(false);
  const baseVersion = useRef(proposal?.version ?? 0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const listPath = `/workshops/${workshopId}/proposals`;

  const defaults = proposal ? valuesFromProposal(proposal) : emptyValues(arrondissement);
  const { control, handleSubmit, formState, setError, setValue, reset, subscribe } = useForm<FormValues, unknown, Fields>({
    resolver: zodResolver(proposalFieldsSchema),
    defaultValues: initialDraft ? { ...defaults, ...initialDraft } : defaults,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });

  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values, name }) => {
          if (name) saveDraft(draftKey, values);
        },
      }),
    [subscribe, draftKey],
  );

  async function onValid(fields: Fields) {
    setServerError(null);
    const result = proposal
      ? await invoke('proposals:update', { id: proposal.id, version: baseVersion.current, fields })
      : await invoke('proposals:create', { workshopId, fields });
    if (result.ok) {
      clearDraft(draftKey);
      const title = result.value.title;
      notice.show({ tone: 'success', message: (tr) => (proposal ? tr('proposals.form.saved') : tr('proposals.form.created', { title })) });
      void navigate(listPath);
      return;
    }
    const error = result.error;
    if (error.code === 'validation' && error.fields) {
      for (const [path, message] of Object.entries(error.fields)) {
        // The core names fields `fields.title`; the form names them `title`.
        setError(path.replace(/^fields\./, '') as keyof FormValues, { type: 'server', message }, { shouldFocus: true });
      }
    }
    if (error.code === 'conflict' && proposal) {
      const fresh = await invoke('proposals:get', { id: proposal.id });
      if (fresh.ok) baseVersion.current = fresh.value.version;
    }
    setServerError(error);
    summaryRef.current?.focus();
  }

  const errorCount = Object.keys(formState.errors).length;
  return (
    <form className="workshop-form" noValidate aria-describedby="proposal-draft-note" onSubmit={(e) => void handleSubmit(onValid, () => (setTriedSubmit(true), setServerError(null)))(e)}>
      <p id="proposal-draft-note" className="form-note">
        {t('proposals.form.draftNote')}
      </p>
      {draftShown ? (
        <DraftRestoredNotice
          text={t('proposals.form.draftRestored')}
          discardLabel={t('proposals.form.discardDraft')}
          onDiscard={() => {
            clearDraft(draftKey);
            reset(defaults);
            setDraftShown(false);
          }}
        />
      ) : null}
      <FormSummary
        summaryRef={summaryRef}
        serverError={serverError}
        serverErrorText={serverError ? translateError(t, serverError, 'proposal') : ''}
        fieldErrorsText={triedSubmit && errorCount > 0 ? t('proposals.form.errorSummary', { count: errorCount }) : null}
      />
      <ProposalFields control={control} errors={formState.errors} setValue={setValue} />
      <div className="form-actions">
        <Button type="submit" variant="primary" isDisabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('proposals.form.saving') : proposal ? t('proposals.form.submitEdit') : t('proposals.form.submitCreate')}
        </Button>
        <Button variant="quiet" onPress={() => void navigate(listPath)}>
          {t('proposals.form.cancel')}
        </Button>
      </div>
    </form>
  );
}
