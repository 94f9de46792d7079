/**
 * A labelled text input (or textarea) with its hint and its error beside it. The error is a
 * translated sentence; react-aria links both to the input with aria-describedby.
 */
import type { Ref } from 'react';
import { FieldError, Input, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { FieldHead, fieldClass } from './FieldHead';

export interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  description?: string;
  errorMessage?: string;
  type?: 'text' | 'datetime-local' | 'date' | 'search' | 'password';
  multiline?: boolean;
  rows?: number;
  isRequired?: boolean;
  autoFocus?: boolean;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
  className?: string;
  autoComplete?: string;
}

export function TextField({ label, description, errorMessage, type = 'text', multiline, rows = 4, inputRef, className, ...props }: TextFieldProps) {
  return (
    <AriaTextField
      {...props}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      className={fieldClass(className)}
    >
      <FieldHead label={label} isRequired={props.isRequired} description={description} />
      {multiline ? (
        <TextArea ref={inputRef} rows={rows} className="field__control field__control--multiline" />
      ) : (
        <Input ref={inputRef} type={type} className="field__control" />
      )}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTextField>
  );
}
