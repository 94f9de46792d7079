/**
 * A date, or a date and time (`withTime`), typed segment by segment in the app's language
 * (« jj/mm/aaaa hh:mm » in French, 24-hour clock in both languages), whatever the laptop's own
 * language: react-aria's DateField follows the I18nProvider set by the shell, where the
 * browser's native field would follow the system (« mm/dd/yyyy --:-- PM »).
 *
 * Values are Paris wall-clock strings, as the shared schemas read them: `YYYY-MM-DD` or
 * `YYYY-MM-DDTHH:mm`; '' means empty. The value is reported the moment the last segment is
 * typed, not on blur. A date only half typed (the day, not yet the month) is kept too when
 * `partialKey` is given: its segments are stored under that key and put back on the next mount.
 */
import { parseDate, parseDateTime, type CalendarDate, type CalendarDateTime } from '@internationalized/date';
import { useContext, useEffect, useRef, useState } from 'react';
import { DateField as AriaDateField, DateFieldStateContext, DateInput, DateSegment, FieldError, Label, Text, type DateFieldState } from 'react-aria-components';
import { readStoredJson, removeStored, writeStoredJson } from '#renderer/app/storage.js';
import './date-field.css';

type DateSegmentType = DateFieldState['segments'][number]['type'];

export interface DateFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  withTime?: boolean;
  description?: string;
  errorMessage?: string;
  isRequired?: boolean;
  /** Where a half-typed date is kept (localStorage key); without it, only whole dates are kept. */
  partialKey?: string;
  className?: string;
}

function toDateValue(value: string, withTime: boolean): CalendarDate | CalendarDateTime | null {
  if (!value) return null;
  try {
    return withTime ? parseDateTime(value) : parseDate(value);
  } catch {
    return null; // a value the field cannot show starts empty; the schema says what is wrong
  }
}

function fromDateValue(v: CalendarDate | CalendarDateTime | null, withTime: boolean): string {
  if (!v) return '';
  const text = v.toString();
  return withTime ? text.slice(0, 16) : text.slice(0, 10);
}

export function DateField({ label, value, onChange, withTime = false, description, errorMessage, partialKey, className, ...props }: DateFieldProps) {
  return (
    <AriaDateField
      {...props}
      value={toDateValue(value, withTime)}
      // Controlled: the parent must take each value at once (react-aria clears the segments
      // when a whole date it reported does not come back); see SentDateField otherwise.
      onChange={(v) => onChange(fromDateValue(v, withTime))}
      granularity={withTime ? 'minute' : 'day'}
      hourCycle={24}
      shouldForceLeadingZeros
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      className={`field date-field${className ? ` ${className}` : ''}`}
    >
      <Label className="field__label">
        {label}
        {props.isRequired ? <span aria-hidden="true" className="field__required"> *</span> : null}
      </Label>
      {description ? (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      ) : null}
      <DateInput className="field__control date-field__input">{(segment) => <DateSegment segment={segment} className="date-field__segment" />}</DateInput>
      <FieldError className="field__error">{errorMessage}</FieldError>
      {partialKey ? <KeepHalfTyped storageKey={partialKey} /> : null}
    </AriaDateField>
  );
}

type HalfTyped = Partial<Record<DateSegmentType, number>>;

function readPartial(key: string): HalfTyped | null {
  const stored = readStoredJson(key);
  return stored && typeof stored === 'object' ? stored : null;
}

/**
 * Keeps the segments of a date not yet whole, and puts them back after a reload, one segment
 * per render (react-stately sets a segment from the value it last rendered).
 */
function KeepHalfTyped({ storageKey }: { storageKey: string }) {
  const state = useContext(DateFieldStateContext);
  const toRestore = useRef<[DateSegmentType, number][] | null>(null);
  const typed = state && !state.value ? state.segments.filter((s) => s.isEditable && !s.isPlaceholder && typeof s.value === 'number') : [];
  const signature = typed.map((s) => `${s.type}=${s.value}`).join('&');

  useEffect(() => {
    if (!state) return;
    if (toRestore.current === null) {
      // First render: what was half typed before the reload, unless a whole date is here.
      const saved = state.value ? null : readPartial(storageKey);
      toRestore.current = saved ? (Object.entries(saved) as [DateSegmentType, number][]) : [];
    }
    const next = toRestore.current.shift();
    if (next) {
      state.setSegment(next[0], next[1]);
      return;
    }
    if (typed.length) writeStoredJson(storageKey, Object.fromEntries(typed.map((s) => [s.type, s.value])));
    else removeStored(storageKey);
    // `signature` stands for `typed`: it changes exactly when the typed segments do.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature, state, storageKey]);
  return null;
}

/**
 * A DateField whose value lives somewhere that takes it back a moment later (the URL of a list
 * or a dashboard): the field holds what is typed and sends it up; a value coming from there that
 * it did not send (filters cleared, Back) replaces it.
 */
export function SentDateField({ value, onChange, ...props }: DateFieldProps) {
  const [local, setLocal] = useState(value);
  const sent = useRef(value);
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setLocal(value);
    }
  }, [value]);
  return (
    <DateField
      {...props}
      value={local}
      onChange={(next) => {
        setLocal(next);
        sent.current = next;
        onChange(next);
      }}
    />
  );
}
