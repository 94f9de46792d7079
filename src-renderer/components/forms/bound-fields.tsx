/**
 * The form fields bound to a react-hook-form form by name: each takes the field's value, change,
 * blur and focus target from the form, so a form lists its fields and nothing else. The value is
 * read by its type (a field the form has not filled yet reads as empty), never cast.
 */
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { DateField, type DateFieldProps } from '../DateField';
import { NumberField, type NumberFieldProps } from '../NumberField';
import { SelectField, type SelectFieldProps } from '../SelectField';
import { TextField, type TextFieldProps } from '../TextField';

type Bound<T extends FieldValues, P> = Omit<P, 'name' | 'value' | 'onChange' | 'onBlur' | 'inputRef' | 'buttonRef'> & {
  control: Control<T>;
  name: FieldPath<T>;
};

export function BoundTextField<T extends FieldValues>({ control, name, ...props }: Bound<T, TextFieldProps>) {
  const { field } = useController({ control, name });
  const value: unknown = field.value;
  return <TextField {...props} name={name} value={typeof value === 'string' ? value : ''} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} />;
}

export function BoundSelectField<T extends FieldValues>({ control, name, ...props }: Bound<T, SelectFieldProps>) {
  const { field } = useController({ control, name });
  const value: unknown = field.value;
  return <SelectField {...props} name={name} value={typeof value === 'string' ? value : null} onChange={field.onChange} onBlur={field.onBlur} buttonRef={field.ref} />;
}

export function BoundDateField<T extends FieldValues>({ control, name, ...props }: Bound<T, DateFieldProps>) {
  const { field } = useController({ control, name });
  const value: unknown = field.value;
  return <DateField {...props} name={name} value={typeof value === 'string' ? value : ''} onChange={field.onChange} onBlur={field.onBlur} />;
}

export function BoundNumberField<T extends FieldValues>({ control, name, ...props }: Bound<T, NumberFieldProps>) {
  const { field } = useController({ control, name });
  const value: unknown = field.value;
  return <NumberField {...props} name={name} value={typeof value === 'number' ? value : null} onChange={field.onChange} onBlur={field.onBlur} inputRef={field.ref} />;
}
