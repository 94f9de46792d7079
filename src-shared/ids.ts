/**
 * Identifiers as every layer stores and compares them. A UUID or a SHA-256 may arrive in upper
 * case (another client, a person pasting one); the same value in another case must never
 * become a second record. These schemas accept either case and hand over lower case, so every
 * boundary that parses with them (the core's commands, the portal's requests, pulled records)
 * normalises in the same place.
 */
import { z } from 'zod';

/** A UUID, lower case. */
export const uuidSchema = z.uuid({ error: 'validation.invalid' }).toLowerCase();

/** A SHA-256 content address (64 hex digits), lower case. */
export const sha256Schema = z
  .string({ error: 'validation.invalid' })
  .regex(/^[0-9a-fA-F]{64}$/, { error: 'validation.invalid' })
  .toLowerCase();
