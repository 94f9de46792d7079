/**
 * Searches every file under a folder (database, WAL, backups, attachments, logs, anything) for
 * bytes given in clear, and lists the files a folder holds with their modes. For the tests that
 * write known personal data through the app and must then find none of it on disk.
 * Not a test file itself.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function filesUnder(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(path));
    else files.push(path);
  }
  return files;
}

/**
 * Each text in UTF-8, lower-cased and without accents too (the search columns hold it so), and
 * each buffer as it is: every file where one of them is found, and which.
 */
export function foundInClear(dir: string, needles: readonly (string | Buffer)[]): { file: string; found: string }[] {
  const forms: { label: string; bytes: Buffer }[] = [];
  for (const needle of needles) {
    if (Buffer.isBuffer(needle)) {
      forms.push({ label: `${needle.length} bytes of a photo`, bytes: needle });
      continue;
    }
    const folded = needle.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
    for (const text of new Set([needle, needle.toLowerCase(), folded])) forms.push({ label: text, bytes: Buffer.from(text, 'utf8') });
  }
  const hits: { file: string; found: string }[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file);
    for (const form of forms) if (bytes.includes(form.bytes)) hits.push({ file: relative(dir, file), found: form.label });
  }
  return hits;
}

/** Files and folders that someone other than the owner could read (mode bits beyond 0700/0600). */
export function openToOthers(dir: string): string[] {
  const open: string[] = [];
  const visit = (path: string) => {
    const stat = statSync(path);
    if ((stat.mode & 0o077) !== 0) open.push(`${relative(dir, path) || '.'} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  visit(dir);
  return open;
}

/** Whether a file begins as a plain SQLite database does. */
export function isPlainSqliteFile(path: string): boolean {
  return readFileSync(path).subarray(0, 16).toString('latin1') === 'SQLite format 3\0';
}
