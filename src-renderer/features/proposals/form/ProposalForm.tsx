/**
 * Create or edit a proposal. Validated with the shared schema (the same the core applies),
 * errors beside each field, a draft kept as you type, and what was typed kept on any error.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { proposalFieldsSchema, type Proposal, type ProposalFields as Fields } from '#shared/proposals/proposal.schema.js';
import { invoke } from '#renderer/api/client.js';
import { useNotice } from '#renderer/app/notices.js';
import { Button } from '#renderer/components/Button.js';
import { FormHead } from '#renderer/components/forms/FormHead.js';
import { useDraftForm } from '#renderer/components/forms/use-draft-form.js';
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
  const baseVersion = useRef(proposal?.version ?? 0);
  const listPath = `/workshops/${workshopId}/proposals`;
  const draft = useDraftForm<FormValues, Fields>({
    storageKey: `atelier.draft.proposal.${proposal ? `edit:${proposal.id}` : `new:${workshopId}`}`,
    defaults: proposal ? valuesFromProposal(proposal) : emptyValues(arrondissement),
    resolver: zodResolver(proposalFieldsSchema),
  });
  const { control, handleSubmit, formState, setValue } = draft.form;

  async function onValid(fields: Fields) {
    draft.sending();
    const result = proposal
      ? await invoke('proposals:update', { id: proposal.id, version: baseVersion.current, fields })
      : await invoke('proposals:create', { workshopId, fields });
    if (result.ok) {
      draft.saved();
      const title = result.value.title;
      notice.show({ tone: 'success', message: (tr) => (proposal ? tr('proposals.form.saved') : tr('proposals.form.created', { title })) });
      void navigate(listPath);
      return;
    }
    if (result.error.code === 'conflict' && proposal) {
      const fresh = await invoke('proposals:get', { id: proposal.id });
      if (fresh.ok) baseVersion.current = fresh.value.version;
    }
    // The core names fields `fields.title`; the form names them `title`.
    draft.refused(result.error, (path) => path.replace(/^fields\./, ''));
  }

  return (
    <form noValidate aria-describedby="proposal-draft-note" onSubmit={(e) => void handleSubmit(onValid, draft.invalid)(e)}>
      <FormHead noteId="proposal-draft-note" head={draft.head} summaryRef={draft.summaryRef} record="proposal" />
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
