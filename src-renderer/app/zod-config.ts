/**
 * Imported first by main.tsx. Zod probes `new Function` to decide whether it may compile
 * fast parsers; the CSP forbids eval, so the probe would be reported as a violation.
 * Tell zod up front not to try.
 */
import { z } from 'zod';

z.config({ jitless: true });
