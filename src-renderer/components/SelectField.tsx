/** A labelled single choice: react-aria's Select (a button and a listbox, keyboard typeahead). */
import type { Key, Ref } from 'react';
import { Button, FieldError, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { FieldHead, fieldClass } from './FieldHead';

export interface Option {
  id: string;
  label: string;
}

export interface SelectFieldProps {
  label: string;
  name?: string;
  options: readonly Option[];
  value: string | null;
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  placeholder: string;
  description?: string;
  errorMessage?: string;
  isRequired?: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
  className?: string;
}

export function SelectField({ label, options, value, onChange, placeholder, description, errorMessage, buttonRef, className, ...props }: SelectFieldProps) {
  return (
    <Select
      {...props}
      value={value}
      onChange={(key: Key | null) => onChange(key === null ? null : String(key))}
      placeholder={placeholder}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      className={fieldClass(className)}
    >
      <FieldHead label={label} isRequired={props.isRequired} description={description} />
      <Button ref={buttonRef} className="field__control select__button">
        <SelectValue className="select__value" />
        <span aria-hidden="true" className="select__chevron">
          ▾
        </span>
      </Button>
      <FieldError className="field__error">{errorMessage}</FieldError>
      <Popover className="select__popover">
        <ListBox className="select__listbox" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} className="select__option" textValue={option.label}>
              {({ isSelected }) => (
                <>
                  {option.label}
                  {isSelected ? (
                    <span aria-hidden="true" className="select__tick">
                      ✓
                    </span>
                  ) : null}
                </>
              )}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
