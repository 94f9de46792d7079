/**
 * The close and cancel dialogs: a few words (required minutes, an optional reason) and one
 * action. What is typed is kept in localStorage until the action succeeds, so a conflict,
 * a closed lid or an Escape never loses it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { translateMessage } from '#renderer/app/i18n.js';
import { readStored, removeStored, writeStored } from '#renderer/app/storage.js';
import { ActionDialog } from '#renderer/components/ActionDialog.js';
import { Button } from '#renderer/components/Button.js';
import { TextField } from '#renderer/components/TextField.js';
import { DialogError } from '#renderer/components/DialogError.js';

export interface TextDialogProps {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  intro: string;
  label: string;
  hint: string;
  confirm: string;
  dismiss: string;
  /** The shared schema for the text: the same rule the core applies. */
  schema: z.ZodType<string>;
  isRequired?: boolean;
  draftKey: string;
  /** Runs the command; answers a field error key to show, an error sentence, or null when done. */
  onConfirm: (text: string) => Promise<{ fieldError?: string; error?: string } | null>;
}

export function TextDialog(props: TextDialogProps) {
  return (
    <ActionDialog isOpen={props.isOpen} onOpenChange={props.onOpenChange} title={props.title}>
      {/* Mounted only while open: every opening starts without old errors, with the saved text. */}
      <TextDialogForm {...props} />
    </ActionDialog>
  );
}

function TextDialogForm(props: TextDialogProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => readStored(props.draftKey) ?? '');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit() {
    const parsed = props.schema.safeParse(text);
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? 'validation.invalid');
      return;
    }
    setBusy(true);
    const outcome = await props.onConfirm(parsed.data);
    setBusy(false);
    if (!outcome) {
      removeStored(props.draftKey);
      setText('');
      props.onOpenChange(false);
      return;
    }
    setFieldError(outcome.fieldError);
    setError(outcome.error);
  }

  return (
    <form
        noValidate
        className="dialog__form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p>{props.intro}</p>
        <DialogError message={error} />
        <TextField
          label={props.label}
          name="text"
          multiline
          rows={8}
          autoFocus
          isRequired={props.isRequired}
          description={props.hint}
          value={text}
          onChange={(v) => {
            setText(v);
            writeStored(props.draftKey, v);
            if (fieldError) setFieldError(undefined);
          }}
          errorMessage={translateMessage(t, fieldError)}
        />
        <div className="dialog__actions">
          <Button type="submit" variant="primary" isDisabled={busy}>
            {props.confirm}
          </Button>
          <Button variant="secondary" onPress={() => props.onOpenChange(false)}>
            {props.dismiss}
          </Button>
        </div>
    </form>
  );
}
