/** Several choices among a short list (channels, answer types, themes): ticked boxes with a drawn tick. */
import { Checkbox, CheckboxGroup, FieldError, Label, Text } from 'react-aria-components';
import { CheckboxLook } from '#renderer/components/CheckboxField.js';

export interface CheckboxGroupFieldProps {
  label: string;
  name: string;
  options: readonly { id: string; label: string }[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  description?: string;
  errorMessage?: string;
  isRequired?: boolean;
}

export function CheckboxGroupField({ label, options, value, onChange, description, errorMessage, ...props }: CheckboxGroupFieldProps) {
  return (
    <CheckboxGroup {...props} value={[...value]} onChange={onChange} isInvalid={Boolean(errorMessage)} validationBehavior="aria" className="field charter-checks">
      <Label className="field__label">
        {label}
        {props.isRequired ? <span aria-hidden="true"> *</span> : null}
      </Label>
      {description ? (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      ) : null}
      <div className="charter-checks__options">
        {options.map((o) => (
          <Checkbox key={o.id} value={o.id} className="checkbox">
            {({ isSelected }) => <CheckboxLook isSelected={isSelected} label={o.label} />}
          </Checkbox>
        ))}
      </div>
      <FieldError className="field__error">{errorMessage}</FieldError>
    </CheckboxGroup>
  );
}
