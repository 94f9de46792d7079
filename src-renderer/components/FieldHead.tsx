/**
 * What stands above every field's control: its label (a star when required, hidden from screen
 * readers, which hear « required » from the control) and its hint. react-aria's Label and Text
 * take their ids from the field around them, so the control is described by both.
 */
import { Label, Text } from 'react-aria-components';

export function FieldHead({ label, isRequired, description }: { label: string; isRequired?: boolean; description?: string }) {
  return (
    <>
      <Label className="field__label">
        {label}
        {isRequired ? <span aria-hidden="true" className="field__required"> *</span> : null}
      </Label>
      {description ? (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      ) : null}
    </>
  );
}

/** A field's class names: `field`, the field's own, and the caller's. */
export function fieldClass(...names: (string | undefined)[]): string {
  return ['field', ...names].filter(Boolean).join(' ');
}
