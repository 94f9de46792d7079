/**
 * Several choices among a short closed list (channels, themes, accessibility, languages,
 * priority groups): checkboxes with a drawn tick in a labelled group.
 */
import { Checkbox, CheckboxGroup, FieldError, Label, Text } from 'react-aria-components';
import { CheckboxLook } from './CheckboxField.js';

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
    <CheckboxGroup {...props} value={[...value]} onChange={onChange} isInvalid={Boolean(errorMessage)} validationBehavior="aria" className="field choice-list">
      <Label className="field__label">
        {label}
        {props.isRequired ? (
          <span aria-hidden="true" className="field__required">
            {' '}
            *
          </span>
        ) : null}
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
