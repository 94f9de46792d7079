/**
 * The fonts PDFs are written with: Noto (SIL Open Font Licence), shipped in resources/fonts/
 * (see scripts/vendor-fonts.mjs and docs/decisions.md), so that a name in Arabic, Tifinagh,
 * Chinese, Tamil or Amharic prints as itself and not as « ? ». fonts.json lists every file with
 * the Unicode ranges it covers, in order of preference: Noto Sans (Latin, Greek, Cyrillic,
 * Vietnamese, Devanagari) first, then one family per script, then Chinese in 100-odd slices.
 * A character is written with the first file that has it; files are read and parsed only when
 * a character needs them, once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { woffToSfnt } from './woff.js';
import './regenerator.js';

export interface FontFace {
  file: string;
  family: string;
  weight: number;
  ranges: [number, number][];
}

interface Manifest {
  faces: FontFace[];
}

type Parsed = ReturnType<typeof fontkit.create>;

const MANIFEST = 'fonts.json';

/** resources/fonts of the repository or of the packaged app, found by walking up from here. */
export function findFontsDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, MANIFEST))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no resources/fonts/${MANIFEST} above ${from}`);
    dir = parent;
  }
}

export interface FontLibrary {
  /** The face to write `codePoint` with (bold where the family has it), or null when none has it. */
  faceFor(codePoint: number, bold: boolean): FontFace | null;
  /** The plain TrueType/OpenType bytes of a face, to embed. */
  bytes(face: FontFace): Uint8Array;
  /** The face parsed by fontkit, to shape and measure. */
  parsed(face: FontFace): Parsed;
}

let shared: FontLibrary | null = null;

/** The library of the shipped fonts; one per process (the parsed fonts are kept). */
export function fontLibrary(dir?: string): FontLibrary {
  if (shared && !dir) return shared;
  const fontsDir = dir ?? findFontsDir();
  const manifest = JSON.parse(readFileSync(join(fontsDir, MANIFEST), 'utf8')) as Manifest;
  const sfnt = new Map<string, Uint8Array>();
  const parsed = new Map<string, Parsed>();
  const bytes = (face: FontFace) => {
    let b = sfnt.get(face.file);
    if (!b) sfnt.set(face.file, (b = woffToSfnt(readFileSync(join(fontsDir, face.file)))));
    return b;
  };
  const parse = (face: FontFace) => {
    let f = parsed.get(face.file);
    if (!f) parsed.set(face.file, (f = fontkit.create(bytes(face))));
    return f;
  };
  const has = (face: FontFace, cp: number) => face.ranges.some(([a, b]) => cp >= a && cp <= b) && parse(face).hasGlyphForCodePoint(cp);
  const cache = new Map<string, FontFace | null>();
  const library: FontLibrary = {
    faceFor(cp, bold) {
      const key = `${cp}:${bold}`;
      if (cache.has(key)) return cache.get(key)!;
      const wanted = bold ? 700 : 400;
      const face = manifest.faces.find((f) => f.weight === wanted && has(f, cp)) ?? manifest.faces.find((f) => f.weight === 400 && has(f, cp)) ?? null;
      cache.set(key, face);
      return face;
    },
    bytes,
    parsed: parse,
  };
  if (!dir) shared = library;
  return library;
}
