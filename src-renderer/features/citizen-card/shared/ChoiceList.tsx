/** Several choices among a closed list (accessibility, languages, priority groups): checkboxes in a labelled group. */
import { Checkbox, CheckboxGroup, FieldError, Label, Text } from 'react-aria-components';
import { CheckboxLook } from '#renderer/components/CheckboxField.js';
import type { Option } from '#renderer/components/SelectField.js';

export interface ChoiceListProps {
  label: string;
  name: string;
  options: readonly Option[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  description?: string;
  errorMessage?: string;
  isRequired?: boolean;
}

export function ChoiceList({ label, name, options, value, onChange, description, errorMessage, isRequired }: ChoiceListProps) {
  return (
    <CheckboxGroup
      name={name}
      value={[...value]}
      onChange={onChange}
      isInvalid={Boolean(errorMessage)}
      isRequired={isRequired}
      validationBehavior="aria"
      className="field choice-list"
    >
      <Label className="field__label">
        {label}
        {isRequired ? <span aria-hidden="true" className="field__required"> *</span> : null}
      </Label>
      {description ? (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      ) : null}
      <div className="choice-list__options">
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
