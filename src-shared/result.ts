/**
 * What every command answers. Errors are data with a stable `code` that the renderer
 * translates; nothing throws across the wire (IPC, HTTP or the worker boundary).
 */
import { z } from 'zod';

/** Stable error codes. The renderer has a translation for each one. */
export const errorCodes = [
  'validation',
  'not_found',
  'conflict',
  'invalid_transition',
  'unknown_command',
  'forbidden',
  'unavailable',
  'internal',
  /** The app is locked (or not unlocked yet since it started): unlock it first (docs/operations.md, « Le verrou »). */
  'locked',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface AppError {
  code: ErrorCode;
  /** A developer-facing explanation in English; the UI shows its own translation of `code`. */
  message: string;
  /** Per-field message keys (`validation.*`), keyed by the field's dotted path. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string().max(2000),
  fields: z.record(z.string(), z.string()).optional(),
});

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, fields?: Record<string, string>): Result<never> {
  return fields ? { ok: false, error: { code, message, fields } } : { ok: false, error: { code, message } };
}

/** Turns zod issues into the per-field map the forms show beside each field. */
export function fieldsFromIssues(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '_';
    // Keep the first message per field: it is the one the person must fix first.
    fields[path] ??= issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
  }
  return fields;
}
