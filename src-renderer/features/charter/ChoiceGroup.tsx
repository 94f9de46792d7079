/**
 * A choice among a few answers as radio buttons (arrow keys move between them), nothing chosen
 * in advance unless the value says so. The chosen answer shows a dot and a bold label, never
 * colour alone.
 */
import type { Ref } from 'react';
import { FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';

export interface ChoiceGroupProps {
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
  inputRef?: Ref<HTMLDivElement>;
}

export function ChoiceGroup({ label, options, value, onChange, description, errorMessage, vertical, inputRef, ...props }: ChoiceGroupProps) {
  return (
    <RadioGroup
      {...props}
      ref={inputRef}
      value={value}
      onChange={onChange}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      orientation={vertical ? 'vertical' : 'horizontal'}
      className="field charter-choice"
    >
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      ) : null}
      <div className={`charter-choice__options${vertical ? ' charter-choice__options--vertical' : ''}`}>
        {options.map((o) => (
          <Radio key={o.id} value={o.id} className="charter-choice__option">
            {({ isSelected }) => (
              <>
                <span className="charter-choice__dot" aria-hidden="true">
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
