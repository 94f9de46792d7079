/**
 * A choice among a few answers as radio buttons (arrow keys move between them), nothing chosen
 * in advance unless the value says so: consent is a clear choice, never pre-ticked (UX.md,
 * principle 5). The chosen answer shows a dot and a bold label, never colour alone. Used by the
 * welcome desk, the paper sheets and the charter's forms.
 */
import type { Ref } from 'react';
import { FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';

export interface ChoiceFieldProps {
  label: string;
  name: string;
  options: readonly { id: string; label: string }[];
  value: string | null;
  onChange: (value: string) => void;
  description?: string;
  errorMessage?: string;
  isRequired?: boolean;
  /** Stacked answers (a 5-point scale reads better as a column on a narrow screen). */
  vertical?: boolean;
  /** Focus the chosen answer (or the first) on mount: the question to answer first. */
  autoFocus?: boolean;
  inputRef?: Ref<HTMLDivElement>;
}

export function ChoiceField({ label, options, value, onChange, description, errorMessage, vertical, autoFocus, inputRef, ...props }: ChoiceFieldProps) {
  return (
    <RadioGroup
      {...props}
      ref={inputRef}
      value={value}
      onChange={onChange}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      orientation={vertical ? 'vertical' : 'horizontal'}
      className="field choice"
    >
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      ) : null}
      {/* The answer with the focus is brought into view: react-aria moves the focus between
          answers without scrolling, and its hidden input is not where the answer is drawn. */}
      <div
        className={`choice__options${vertical ? ' choice__options--vertical' : ''}`}
        onFocus={(e) => (e.target.closest('label') ?? e.target).scrollIntoView({ block: 'nearest' })}
      >
        {options.map((o, i) => (
          <Radio key={o.id} value={o.id} className="choice__option" autoFocus={autoFocus && (value === null ? i === 0 : o.id === value)}>
            {({ isSelected }) => (
              <>
                <span className="choice__dot" aria-hidden="true">
                  {isSelected ? '●' : ''}
                </span>
                {o.label}
              </>
            )}
          </Radio>
        ))}
      </div>
      <FieldError className="field__error">{errorMessage}</FieldError>
    </RadioGroup>
  );
}
