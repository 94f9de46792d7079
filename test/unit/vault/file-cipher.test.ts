/**
 * The attachment files' cipher: an 8 MB phone photo goes through whole, any range reads back,
 * and nothing of it is on disk in clear; a wrong key, a file cut short, chunks swapped or a
 * header edited are refused, never read as other bytes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attachmentKeyFrom, encryptFileTo, FILE_CHUNK, isEncryptedFile, openEncryptedFile, readEncryptedFile, writeEncryptedFile } from '#core/store/file-cipher.js';

const dir = mkdtempSync(join(tmpdir(), 'atelier-cipher-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = attachmentKeyFrom(randomBytes(32));

/** A photo of 8 MB with a recognisable run in it, as a JPEG starts. */
function photo(size = 8 * 1024 * 1024): Buffer {
  const bytes = randomBytes(size);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(bytes, 0);
  Buffer.from('Samira Benali, rue Myrha').copy(bytes, 3 * FILE_CHUNK + 100);
  return bytes;
}

describe('an encrypted attachment file', () => {
  it('holds an 8 MB photo whole, with nothing of it in clear, and reads back any range', () => {
    const plain = photo();
    const path = join(dir, 'photo');
    writeEncryptedFile(path, key, plain);
    const onDisk = readFileSync(path);
    expect(isEncryptedFile(path)).toBe(true);
    expect(onDisk.includes(Buffer.from('Samira Benali'))).toBe(false);
    expect(onDisk.includes(plain.subarray(1000, 1032))).toBe(false);
    expect(statSync(path).mode & 0o077).toBe(0);
    expect(createHash('sha256').update(readEncryptedFile(path, key)).digest('hex')).toBe(createHash('sha256').update(plain).digest('hex'));
    const reader = openEncryptedFile(path, key);
    try {
      expect(reader.size).toBe(plain.length);
      for (const [offset, length] of [[0, 10], [FILE_CHUNK - 5, 10], [1_048_576, 1_048_576], [plain.length - 3, 100], [plain.length, 5]] as const) {
        expect(reader.read(offset, length).equals(plain.subarray(offset, offset + length)), `${offset}+${length}`).toBe(true);
      }
    } finally {
      reader.close();
    }
  });

  it('encrypts a plain file on disk a chunk at a time', () => {
    const plain = photo(3 * FILE_CHUNK + 7);
    writeFileSync(join(dir, 'plain'), plain);
    encryptFileTo(join(dir, 'plain'), join(dir, 'converted'), key);
    expect(readEncryptedFile(join(dir, 'converted'), key).equals(plain)).toBe(true);
  });

  it.each([
    ['another key', (bytes: Buffer) => bytes, attachmentKeyFrom(randomBytes(32))],
    ['a flipped byte', (bytes: Buffer) => (bytes.writeUInt8(bytes.readUInt8(5000) ^ 1, 5000), bytes), key],
    ['its last chunk cut off', (bytes: Buffer) => bytes.subarray(0, bytes.length - (FILE_CHUNK + 16)), key],
    ['two chunks swapped', (bytes: Buffer) => {
      const a = 36;
      const b = 36 + FILE_CHUNK + 16;
      const first = Buffer.from(bytes.subarray(a, b));
      bytes.copy(bytes, a, b, b + FILE_CHUNK + 16);
      first.copy(bytes, b);
      return bytes;
    }, key],
    ['a smaller size in its header', (bytes: Buffer) => (bytes.writeBigUInt64BE(BigInt(3 * FILE_CHUNK), 12), bytes.subarray(0, 36 + 3 * (FILE_CHUNK + 16))), key],
  ])('refuses to read it with %s', (_label, damage, readKey) => {
    const path = join(dir, `damaged-${Math.random()}`);
    writeEncryptedFile(path, key, photo(5 * FILE_CHUNK));
    writeFileSync(path, damage(readFileSync(path)));
    expect(() => readEncryptedFile(path, readKey)).toThrow();
  });
});
