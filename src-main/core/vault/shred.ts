/**
 * Overwriting a plain file before it is removed, so that its bytes do not stay in the freed
 * blocks of the disk for anyone who reads them. Best effort, said so in docs/data-protection.md:
 * on an SSD (wear levelling) or a copy-on-write file system the old blocks may survive; what
 * protects them is that, from the conversion on, nothing plain is ever written again.
 */
import { closeSync, existsSync, fsyncSync, fstatSync, openSync, rmSync, writeSync } from 'node:fs';

const ZEROS = Buffer.alloc(64 * 1024);

/** Writes zeros over the whole file, in place, and syncs it. The file stays (same size). */
export function overwriteWithZeros(path: string): void {
  if (!existsSync(path)) return;
  const fd = openSync(path, 'r+');
  try {
    const size = fstatSync(fd).size;
    for (let offset = 0; offset < size; offset += ZEROS.length) writeSync(fd, ZEROS, 0, Math.min(ZEROS.length, size - offset), offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Overwrites the file with zeros, then removes it. */
export function shred(path: string): void {
  if (!existsSync(path)) return;
  overwriteWithZeros(path);
  rmSync(path, { force: true });
}
