/**
 * Reads a PDF the way its readers do, with poppler (Debian's poppler-utils, installed by
 * .ci/run): `pdftotext` for the text a viewer shows and copies, `pdftotext -bbox` for where each
 * word sits (to catch words drawn over each other), `pdftoppm` for the picture. Without
 * poppler the tests that need it are skipped with a printed reason, except in CI. Not a test file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function available(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const hasPoppler = available();
if (!hasPoppler) {
  if (process.env.CI) throw new Error('poppler-utils (pdftotext, pdftoppm) is required in CI: .ci/run installs it');
  console.warn('SKIPPED: PDF text and layout checks need poppler-utils (apt-get install poppler-utils)');
}

function withFile<T>(pdf: Uint8Array, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every page, in reading order per line (`-layout` off: poppler's own order). */
export function pdfText(pdf: Uint8Array): string {
  return withFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box, in points from the page's top left. */
export function pdfWords(pdf: Uint8Array): Word[] {
  const xml = withFile(pdf, (file) => execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  const words: Word[] = [];
  let page = 0;
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ page, xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"') });
  }
  return words;
}

/**
 * Pairs of words whose boxes overlap on the same page (beyond a rounding margin): text drawn
 * over other text, as « Recontact » over « Étude » was.
 */
export function overlappingWords(pdf: Uint8Array): string[] {
  const words = pdfWords(pdf);
  const found: string[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j < words.length; j++) {
      const a = words[i]!;
      const b = words[j]!;
      if (a.page !== b.page) continue;
      const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (dx > 0.5 && dy > 2) found.push(`page ${a.page}: « ${a.text} » over « ${b.text} »`);
    }
  }
  return found;
}

/** The first page as a PNG (for a person to look at while writing a test; see docs). */
export function firstPagePng(pdf: Uint8Array, dpi = 100): Buffer {
  return withFile(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page')]);
    return readFileSync(join(dir, 'page.png'));
  });
}
