/** A checkbox with a drawn tick (its state is never shown by colour alone). */
import type { Ref } from 'react';
import { Checkbox } from 'react-aria-components';

export interface CheckboxFieldProps {
  label: string;
  name?: string;
  value: boolean;
  onChange: (value: boolean) => void;
  onBlur?: () => void;
  inputRef?: Ref<HTMLLabelElement>;
}

/** The checkbox's look, for any react-aria Checkbox (alone or in a group). */
export function CheckboxLook({ isSelected, label }: { isSelected: boolean; label: string }) {
  return (
    <>
      <span className="checkbox__box" aria-hidden="true">
        {isSelected ? (
          <svg viewBox="0 0 18 18" className="checkbox__tick">
            <polyline points="3,9.5 7.5,14 15,4.5" />
          </svg>
        ) : null}
      </span>
      <span className="checkbox__label">{label}</span>
    </>
  );
}

export function CheckboxField({ label, value, onChange, inputRef, ...props }: CheckboxFieldProps) {
  return (
    <Checkbox {...props} ref={inputRef} isSelected={value} onChange={onChange} className="checkbox">
      {({ isSelected }) => <CheckboxLook isSelected={isSelected} label={label} />}
    </Checkbox>
  );
}
