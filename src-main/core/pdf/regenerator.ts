/**
 * @pdf-lib/fontkit's shapers for Indic and other complex scripts (Tamil, Bengali, Devanagari,
 * Sinhala…) were compiled with Babel's generators and call a global `regeneratorRuntime` that
 * the package does not bring: without it, laying out « ஸ்ரீ » throws ReferenceError and the
 * whole PDF fails. Imported for its side effect before any layout.
 */
// @ts-expect-error -- regenerator-runtime ships no types; it is an object of helper functions.
import runtime from 'regenerator-runtime/runtime.js';

const global = globalThis as { regeneratorRuntime?: unknown };
global.regeneratorRuntime ??= runtime;
