#!/usr/bin/env node
/**
 * Copies the fonts the PDFs embed into resources/fonts/, from the Fontsource packages of the
 * npm registry (Noto, SIL Open Font Licence 1.1), and writes resources/fonts/fonts.json: for
 * each file, its family, weight and the Unicode ranges it covers (Fontsource's unicode.json).
 * Run by hand when the list changes (`node scripts/vendor-fonts.mjs`); the files are kept in
 * the repository like resources/data, so that the app ships them and needs no network.
 *
 * Only the regular weight (and bold for the Latin family, the PDFs' headings) and only WOFF 1
 * (zlib): @pdf-lib/fontkit reads WOFF, not WOFF 2 (brotli).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'resources', 'fonts');

/** Package, version, weights, and the Fontsource subsets taken (null: every numbered slice, for CJK). */
const PACKAGES = [
  { pkg: '@fontsource/noto-sans', version: '5.3.0', weights: [400, 700], subsets: ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese', 'devanagari'] },
  { pkg: '@fontsource/noto-sans-arabic', version: '5.3.0', weights: [400], subsets: ['arabic'] },
  { pkg: '@fontsource/noto-sans-tifinagh', version: '5.3.0', weights: [400], subsets: ['tifinagh'] },
  { pkg: '@fontsource/noto-sans-hebrew', version: '5.3.0', weights: [400], subsets: ['hebrew'] },
  { pkg: '@fontsource/noto-sans-armenian', version: '5.3.0', weights: [400], subsets: ['armenian'] },
  { pkg: '@fontsource/noto-sans-georgian', version: '5.3.0', weights: [400], subsets: ['georgian'] },
  { pkg: '@fontsource/noto-sans-ethiopic', version: '5.3.0', weights: [400], subsets: ['ethiopic'] },
  { pkg: '@fontsource/noto-sans-bengali', version: '5.3.0', weights: [400], subsets: ['bengali'] },
  { pkg: '@fontsource/noto-sans-tamil', version: '5.3.0', weights: [400], subsets: ['tamil'] },
  { pkg: '@fontsource/noto-sans-thai', version: '5.3.0', weights: [400], subsets: ['thai'] },
  { pkg: '@fontsource/noto-sans-sc', version: '5.3.0', weights: [400], subsets: null },
];

function ranges(text) {
  return text.split(',').map((r) => {
    const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(a, 16), parseInt(b ?? a, 16)];
  });
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'atelier-fonts-'));
const faces = [];
const licences = new Set();
try {
  for (const { pkg, version, weights, subsets } of PACKAGES) {
    const tgz = execFileSync('npm', ['pack', `${pkg}@${version}`, '--silent'], { cwd: work, encoding: 'utf8' }).trim().split('\n').pop();
    const dir = join(work, pkg.replace('/', '+'));
    mkdirSync(dir);
    execFileSync('tar', ['xzf', join(work, tgz), '-C', dir]);
    const base = join(dir, 'package');
    const meta = JSON.parse(readFileSync(join(base, 'metadata.json'), 'utf8'));
    const unicode = JSON.parse(readFileSync(join(base, 'unicode.json'), 'utf8'));
    licences.add(readFileSync(join(base, 'LICENSE'), 'utf8'));
    const files = readdirSync(join(base, 'files'));
    for (const weight of weights) {
      for (const [subset, range] of Object.entries(unicode)) {
        const name = subset.replace(/^\[(\d+)\]$/, '$1');
        if (subsets && !subsets.includes(name)) continue;
        const file = `${meta.id}-${name}-${weight}-normal.woff`;
        if (!files.includes(file)) throw new Error(`${pkg}: no ${file}`);
        copyFileSync(join(base, 'files', file), join(out, file));
        const bytes = readFileSync(join(out, file));
        faces.push({ file, family: meta.family, weight, ranges: ranges(range), bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), source: `${pkg}@${version}` });
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
// One face per line: a diff shows which file changed, without 40,000 lines of ranges.
writeFileSync(join(out, 'fonts.json'), `{"licence":"OFL-1.1","faces":[\n${faces.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);
writeFileSync(join(out, 'OFL.txt'), [...licences].join('\n\n'));
const total = faces.reduce((s, f) => s + f.bytes, 0);
console.log(`${faces.length} font files, ${(total / 1e6).toFixed(1)} MB, in ${out}`);
