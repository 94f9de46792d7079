/**
 * What every form says above its fields: that a draft is kept, a draft brought back (with a
 * way to start over), and after a submit either the core's refusal — naming the record, « Cette
 * proposition a été modifiée ailleurs… » — or how many fields to fix. The summary takes the
 * focus after a failed submit, so a screen reader hears it first.
 */
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordNoun } from '#shared/i18n/catalogue.js';
import { translateError } from '#renderer/app/i18n.js';
import { Alert } from '../Alert';
import { Button } from '../Button';
import type { DraftFormHead } from './use-draft-form';

export interface FormHeadProps {
  noteId: string;
  head: DraftFormHead;
  summaryRef: Ref<HTMLDivElement>;
  /** What the form saves, as the error sentences name it. */
  record: RecordNoun;
}

export function FormHead({ noteId, head, summaryRef, record }: FormHeadProps) {
  const { t } = useTranslation();
  return (
    <>
      <p id={noteId} className="form-note">
        {t('common.draft.note')}
      </p>
      {head.restored ? (
        <Alert tone="info" role="status">
          <p>{t('common.draft.restored')}</p>
          <Button variant="secondary" onPress={head.discard}>
            {t('common.draft.discard')}
          </Button>
        </Alert>
      ) : null}
      <div ref={summaryRef} tabIndex={-1} className="form-summary">
        {head.serverError || head.fieldErrors > 0 ? (
          <Alert tone="error" role="alert">
            <p>{head.serverError ? translateError(t, head.serverError, record) : t('common.errorSummary', { count: head.fieldErrors })}</p>
          </Alert>
        ) : null}
      </div>
    </>
  );
}
