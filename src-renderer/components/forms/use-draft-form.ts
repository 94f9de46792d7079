/**
 * The one way a form keeps what is typed: react-hook-form validated with the shared schema
 * (the same the core applies), every change kept as a draft in this computer's storage as it is
 * typed (numbers and dates included), the draft brought back after a reload or a crash with a
 * notice and a way to start over, forgotten once the core has saved. A refusal of the core puts
 * each field's message beside its field and the sentence in the summary, which takes the focus.
 *
 * Drafts live under `atelier.draft.<form>.<new | edit:id…>`, stored as `{ values, savedAt }`;
 * a date still half typed lives under `<that key>.<field>` (DateField's `partialKey`) and is
 * forgotten with the draft.
 */
import { useEffect, useRef, useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import type { AppError } from '#shared/result.js';
import { prepareSealing, readSealed, removeSealed, writeSealed } from '#renderer/app/sealed-drafts.js';
import { readStoredJson, removeStored, writeStoredJson } from '#renderer/app/storage.js';

export interface DraftFormOptions<V extends FieldValues, Out> {
  /** `atelier.draft.<form>.<new | edit:id>`. */
  storageKey: string;
  /** The values when there is no draft (the record being edited, or empty ones). */
  defaults: V;
  resolver: Resolver<V, unknown, Out>;
  /**
   * The form holds personal data (a candidate's name, e-mail, motivation): its draft is sealed
   * (app/sealed-drafts.ts), never written in clear, and comes back a moment after the screen
   * opens, unless something was typed meanwhile.
   */
  sealed?: boolean;
}

/** What the form's head shows (components/forms/FormHead.tsx). */
export interface DraftFormHead {
  restored: boolean;
  discard: () => void;
  serverError: AppError | null;
  /** Fields to fix after a submit: how many leaves the error tree has, or 0 before any submit. */
  fieldErrors: number;
}

function draftValues(draft: unknown): Record<string, unknown> | null {
  if (!draft || typeof draft !== 'object' || !('values' in draft)) return null;
  const values = draft.values;
  return values && typeof values === 'object' && !Array.isArray(values) ? (values as Record<string, unknown>) : null;
}

/** Counts the leaves of react-hook-form's error tree: one per field to fix. */
function countErrors(errors: unknown): number {
  if (!errors || typeof errors !== 'object') return 0;
  if ('message' in errors && typeof errors.message === 'string') return 1;
  return Object.entries(errors).reduce((n, [k, v]) => (k === 'ref' ? n : n + countErrors(v)), 0);
}

export function useDraftForm<V extends FieldValues, Out>({ storageKey, defaults, resolver, sealed = false }: DraftFormOptions<V, Out>) {
  const [initialDraft] = useState(() => (sealed ? null : draftValues(readStoredJson(storageKey))));
  const [restored, setRestored] = useState(initialDraft !== null);
  const [serverError, setServerError] = useState<AppError | null>(null);
  const [triedSubmit, setTriedSubmit] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const form = useForm<V, unknown, Out>({
    resolver,
    // A draft of an older version may lack a field: the defaults fill it.
    defaultValues: (initialDraft ? { ...defaults, ...initialDraft } : defaults) as DefaultValues<V>,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });

  // Keep a draft of every change a person makes (not of resets).
  const { subscribe, reset, setError } = form;
  const typed = useRef(false);
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values, name }) => {
          if (!name) return;
          typed.current = true;
          const draft = { values, savedAt: new Date().toISOString() };
          if (sealed) void writeSealed(storageKey, draft);
          else writeStoredJson(storageKey, draft);
        },
      }),
    [subscribe, storageKey, sealed],
  );

  // A sealed draft is opened once the core gives the key; what was typed meanwhile wins.
  useEffect(() => {
    if (!sealed) return;
    let live = true;
    prepareSealing();
    void readSealed(storageKey).then((stored) => {
      const values = draftValues(stored);
      if (!live || !values || typed.current) return;
      reset({ ...defaults, ...values });
      setRestored(true);
    });
    return () => {
      live = false;
    };
    // The defaults are read once, as useForm's are.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sealed, storageKey, reset]);
  const forget = () => {
    // After any sealed write still under way; the half-typed dates under the key go with it.
    if (sealed) void removeSealed(storageKey).then(() => removeStored(storageKey, true));
    else removeStored(storageKey, true);
  };

  const head: DraftFormHead = {
    restored,
    discard: () => {
      forget();
      reset(defaults);
      setRestored(false);
    },
    serverError,
    fieldErrors: triedSubmit ? countErrors(form.formState.errors) : 0,
  };

  return {
    form,
    head,
    /** The summary above the fields, focused after a refusal. */
    summaryRef,
    /** Where a half-typed date of `field` is kept (DateField's `partialKey`). */
    halfTypedKey: (field: string) => `${storageKey}.${field}`,
    /** Before sending to the core: the last refusal is no longer news. */
    sending: () => setServerError(null),
    /** The core saved it: the draft is forgotten. */
    saved: forget,
    /** The schema refused a field (handleSubmit's second argument): the summary says how many. */
    invalid: () => {
      setTriedSubmit(true);
      setServerError(null);
    },
    /**
     * The core refused: each field's message beside its field (`fieldPath` turns the core's path
     * into the form's), the sentence in the summary, which takes the focus. What was typed stays.
     */
    refused: (error: AppError, fieldPath: (path: string) => string = (path) => path) => {
      if (error.code === 'validation' && error.fields) {
        for (const [path, message] of Object.entries(error.fields)) setError(fieldPath(path) as Path<V>, { type: 'server', message }, { shouldFocus: true });
      }
      setServerError(error);
      summaryRef.current?.focus();
    },
  };
}
