/**
 * What every form says above its fields: a draft brought back (with a way to start over), and
 * after a submit, either the core's refusal or how many fields to fix. The summary takes the
 * focus after a failed submit, so a screen reader hears it first.
 */
import type { Ref } from 'react';
import type { AppError } from '#shared/result.js';
import { Alert } from './Alert';
import { Button } from './Button';

export function DraftRestoredNotice({ text, discardLabel, onDiscard }: { text: string; discardLabel: string; onDiscard: () => void }) {
  return (
    <Alert tone="info" role="status">
      <p>{text}</p>
      <Button variant="secondary" onPress={onDiscard}>
        {discardLabel}
      </Button>
    </Alert>
  );
}

export interface FormSummaryProps {
  summaryRef: Ref<HTMLDivElement>;
  /** The core refused the whole command (not a field): its translated sentence. */
  serverError: AppError | null;
  serverErrorText: string;
  /** Shown after a submit when fields have errors. */
  fieldErrorsText: string | null;
}

export function FormSummary({ summaryRef, serverError, serverErrorText, fieldErrorsText }: FormSummaryProps) {
  return (
    <div ref={summaryRef} tabIndex={-1} className="form-summary">
      {serverError ? (
        <Alert tone="error" role="alert">
          <p>{serverErrorText}</p>
        </Alert>
      ) : fieldErrorsText ? (
        <Alert tone="error" role="alert">
          <p>{fieldErrorsText}</p>
        </Alert>
      ) : null}
    </div>
  );
}
