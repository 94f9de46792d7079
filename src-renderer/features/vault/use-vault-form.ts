/**
 * The small state every vault form shares: the values as typed, the message beside each field
 * (the shared schema's first, then the core's), one message for the form, and a busy flag so a
 * double press never sends twice. What is typed stays when the core refuses it.
 */
import { useState } from 'react';
import type { z } from 'zod';
import type { AppError, Result } from '#shared/result.js';

export function useVaultForm<F extends Record<string, string>>(initial: F) {
  const [values, setValues] = useState<F>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof F, string>>>({});
  const [failure, setFailure] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (key: keyof F) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  /** Checks `input` (the values by default) with the schema, then sends; the value when the core accepted it. */
  async function submit<T, O>(schema: z.ZodType<T>, send: (input: T) => Promise<Result<O>>, input: unknown = values): Promise<O | null> {
    if (busy) return null;
    setFailure(null);
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const next: Partial<Record<keyof F, string>> = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as keyof F] ??= issue.message;
      setErrors(next);
      return null;
    }
    setErrors({});
    setBusy(true);
    const result = await send(parsed.data);
    setBusy(false);
    if (result.ok) return result.value;
    if (result.error.fields) setErrors(result.error.fields as Partial<Record<keyof F, string>>);
    if (!result.error.fields || result.error.code !== 'validation') setFailure(result.error);
    return null;
  }

  return { values, setValues, set, errors, failure, busy, submit };
}
