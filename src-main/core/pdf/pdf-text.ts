/**
 * Writing any text into a PDF, safely and in the right script. Every string drawn in a PDF of
 * the app goes through here: names typed at the door, workshop titles, profile answers, the
 * app's own words.
 *
 * - `cleanText` makes any string drawable: control characters (a tab pasted from a
 *   spreadsheet, a NUL from a broken import) and bidi overrides are removed, line breaks and
 *   tabs become spaces, a lone surrogate becomes « � ». pdf-lib throws on what a font cannot
 *   encode; nothing reaching it here can make it throw.
 * - Each character is written with the first shipped font that has it (pdf-fonts.ts); one no
 *   font has is replaced by « � », visibly, never dropped and never « ? ».
 * - Right-to-left: the Unicode bidirectional algorithm (bidi-js) orders the runs of a line,
 *   mirrors brackets, and fontkit shapes each run (Arabic letters join: initial, medial, final
 *   forms) and lays an Arabic or Hebrew run right to left. pdf-lib itself knows no bidi.
 * - Scripts other than Latin, Greek and Cyrillic are drawn glyph by glyph at the positions
 *   fontkit computes (GPOS: the dots of Arabic letters, Indic vowel signs are marks placed over
 *   or under their letter). pdf-lib's own drawText keeps only advance widths and put the dots
 *   of « علي » beside the word.
 * - Widths are measured on the shaped runs, so truncation (« … ») and wrapping are exact.
 */
import * as bidiModule from 'bidi-js';
import type { Bidi } from 'bidi-js';
import {
  beginText,
  endText,
  PDFHexString,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  showText,
  type Color,
  type PDFDocument,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { fontLibrary, type FontFace, type FontLibrary } from './pdf-fonts.js';

/** bidi-js is CommonJS: its factory is the module, or its `default`, depending on who loads it (tsx, esbuild). */
const bidi: Bidi = (() => {
  const m = bidiModule as unknown as { default?: unknown };
  const candidates = [m.default, (m.default as { default?: unknown } | undefined)?.default, m];
  const factory = candidates.find((c): c is () => Bidi => typeof c === 'function');
  if (!factory) throw new Error('bidi-js did not load');
  return factory();
})();
const REPLACEMENT = '\ufffd';
const ELLIPSIS = '…';

/** Any string → one line of drawable text (see the module comment). */
export function cleanText(text: string): string {
  return (
    String(text ?? '')
      // A lone surrogate (half of a pair, cut by a bad import) cannot be encoded.
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, REPLACEMENT)
      .normalize('NFC')
      .replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, ' ')
      // Other controls (C0, DEL, C1), bidi embeddings and overrides, BOM and other invisible formats.
      // ZWJ and ZWNJ stay: Arabic and Indic spelling needs them.
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g, '')
      .replace(/ {2,}/g, ' ')
  );
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: Color;
}

interface Run {
  face: FontFace;
  text: string;
}

/** Would fontkit lay this run right to left? It decides from the run's first character of a real script. */
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const NEUTRAL_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}]/u;
function fontkitReverses(text: string): boolean {
  const first = [...text].find((c) => !NEUTRAL_SCRIPT.test(c));
  return first !== undefined && RTL_SCRIPT.test(first);
}
const reversed = (text: string) => [...text].reverse().join('');
/** The Latin family is subset and drawn by pdf-lib; the other scripts are placed glyph by glyph. */
const positioned = (face: FontFace) => face.family !== 'Noto Sans';

export interface PdfWriter {
  /** The width of `text` once cleaned, shaped and ordered. */
  width(text: string, style: TextStyle): number;
  /** `text` cleaned and cut with « … » to fit `maxWidth`. */
  fit(text: string, style: TextStyle, maxWidth: number): string;
  /** `text` cleaned and broken into lines of at most `maxWidth`. */
  wrap(text: string, style: TextStyle, maxWidth: number): string[];
  /** Draws `text` (cleaned; cut to `maxWidth` if given) with its left edge at `x`; returns its width. */
  draw(page: PDFPage, text: string, x: number, y: number, style: TextStyle & { maxWidth?: number }): number;
  /** Embeds the fonts used and draws what was asked: call once, before `doc.save()`. */
  finish(): Promise<void>;
}

export function createPdfWriter(doc: PDFDocument, library: FontLibrary = fontLibrary()): PdfWriter {
  doc.registerFontkit(fontkit);
  /**
   * Drawing is recorded, then done by `finish()`: pdf-lib embeds a font asynchronously, and a
   * layout needs widths at once. Widths come from the same fontkit layout pdf-lib uses
   * (advance widths × size / units per em), so what is measured is what is drawn.
   */
  const queued: { page: PDFPage; text: string; x: number; y: number; size: number; face: FontFace; color: Color }[] = [];

  function runs(clean: string, bold: boolean): Run[] {
    if (!clean) return [];
    const { levels } = bidi.getEmbeddingLevels(clean, 'ltr');
    const mirrored = bidi.getMirroredCharactersMap(clean, levels);
    type Unit = { ch: string; face: FontFace; level: number };
    const units: Unit[] = [];
    let i = 0;
    for (const ch of clean) {
      const level = levels[i]!;
      let c = mirrored.get(i) ?? ch;
      i += ch.length;
      const cp = c.codePointAt(0)!;
      const previous = units[units.length - 1];
      // A combining mark or joiner stays with its letter's font when that font has it.
      let face = /[\p{M}\u200c\u200d]/u.test(c) && previous && library.faceFor(cp, bold)?.file === previous.face.file ? previous.face : library.faceFor(cp, bold);
      if (!face) {
        c = REPLACEMENT;
        face = library.faceFor(REPLACEMENT.codePointAt(0)!, bold)!;
      }
      if (previous && previous.face.file === face.file && previous.level === level) previous.ch += c;
      else units.push({ ch: c, face, level });
    }
    // Unicode's rule L2: from the highest level down to the lowest odd one, reverse every
    // stretch of runs at that level or above. Inside a run, order is fontkit's (below).
    const maxLevel = Math.max(...units.map((u) => u.level));
    const minOdd = Math.min(...units.map((u) => (u.level % 2 ? u.level : Infinity)));
    for (let level = maxLevel; level >= minOdd && level > 0; level--) {
      for (let s = 0; s < units.length; s++) {
        if (units[s]!.level < level) continue;
        let e = s;
        while (e + 1 < units.length && units[e + 1]!.level >= level) e++;
        units.splice(s, e - s + 1, ...units.slice(s, e + 1).reverse());
        s = e;
      }
    }
    return units.map((u) => {
      const rtl = u.level % 2 === 1;
      // fontkit lays Arabic and Hebrew right to left by itself; anything else in a right-to-left
      // run (a bracket, a Latin word's punctuation) is put in that order here.
      return { face: u.face, text: rtl === fontkitReverses(u.ch) ? u.ch : reversed(u.ch) };
    });
  }

  // Wrapping and cutting measure the same words again and again: shape each run once.
  const measured = new Map<string, number>();
  const runWidth = (r: Run, size: number) => {
    const f = library.parsed(r.face);
    const key = `${r.face.file}\u0000${r.text}`;
    let units = measured.get(key);
    if (units === undefined) {
      const layout = f.layout(r.text);
      units = positioned(r.face) ? layout.positions.reduce((sum, p) => sum + p.xAdvance, 0) : layout.glyphs.reduce((sum, g) => sum + g.advanceWidth, 0);
      measured.set(key, units);
    }
    return (units * size) / f.unitsPerEm;
  };
  const width = (clean: string, style: TextStyle) => runs(clean, !!style.bold).reduce((w, r) => w + runWidth(r, style.size), 0);

  function fitClean(clean: string, style: TextStyle, maxWidth: number): string {
    if (width(clean, style) <= maxWidth) return clean;
    const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(clean)].map((s) => s.segment);
    let lo = 0;
    let hi = graphemes.length;
    // The longest beginning that fits with « … » after it.
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (width(graphemes.slice(0, mid).join('').trimEnd() + ELLIPSIS, style) <= maxWidth) lo = mid;
      else hi = mid - 1;
    }
    return graphemes.slice(0, lo).join('').trimEnd() + ELLIPSIS;
  }

  return {
    width: (text, style) => width(cleanText(text), style),
    fit: (text, style, maxWidth) => fitClean(cleanText(text), style, maxWidth),
    wrap(text, style, maxWidth) {
      const lines: string[] = [];
      let line = '';
      for (const word of cleanText(text).split(' ')) {
        const next = line ? `${line} ${word}` : word;
        if (width(next, style) <= maxWidth || !line) line = next;
        else {
          lines.push(line);
          line = word;
        }
        // A single word wider than the line (a long URL) is cut rather than left to overflow.
        if (width(line, style) > maxWidth) line = fitClean(line, style, maxWidth);
      }
      if (line) lines.push(line);
      return lines;
    },
    draw(page, text, x, y, style) {
      let clean = cleanText(text);
      if (style.maxWidth !== undefined) clean = fitClean(clean, style, style.maxWidth);
      let at = x;
      for (const r of runs(clean, !!style.bold)) {
        queued.push({ page, text: r.text, x: at, y, size: style.size, face: r.face, color: style.color ?? rgb(0, 0, 0) });
        at += runWidth(r, style.size);
      }
      return at - x;
    },
    async finish() {
      const embedded = new Map<string, PDFFont>();
      for (const q of queued) {
        let font = embedded.get(q.face.file);
        if (!font) {
          // Embedded whole, not subset, except the Latin family: @pdf-lib/fontkit's subsetter
          // loses glyphs that shaping substitutes (an Arabic name came out as two stray marks,
          // seen with pdftoppm). The Latin family, the largest file and in every PDF, has no
          // such glyphs and is subset; the others are small (one script each, a Chinese slice ≈ 60 kB).
          font = await doc.embedFont(library.bytes(q.face), { subset: !positioned(q.face) });
          embedded.set(q.face.file, font);
        }
        if (!positioned(q.face)) {
          q.page.drawText(q.text, { x: q.x, y: q.y, size: q.size, font, color: q.color });
          continue;
        }
        // Registers the run's glyphs with the font (its widths and ToUnicode map, so the text
        // can still be searched and copied), then places each glyph where fontkit put it.
        font.encodeText(q.text);
        const f = library.parsed(q.face);
        const { glyphs, positions } = f.layout(q.text);
        const scale = q.size / f.unitsPerEm;
        const key = q.page.node.newFontDictionary(font.name, font.ref);
        const ops = [pushGraphicsState(), setFillingColor(q.color), beginText(), setFontAndSize(key, q.size)];
        let x = q.x;
        glyphs.forEach((g, i) => {
          const p = positions[i]!;
          ops.push(setTextMatrix(1, 0, 0, 1, x + p.xOffset * scale, q.y + p.yOffset * scale), showText(PDFHexString.of(g.id.toString(16).padStart(4, '0'))));
          x += p.xAdvance * scale;
        });
        ops.push(endText(), popGraphicsState());
        q.page.pushOperators(...ops);
      }
      queued.length = 0;
    },
  };
}
