/**
 * Files encrypted at rest (photos and scans of the attachments): AES-256-GCM, an authenticated
 * cipher, in chunks of 64 KiB so that an 8 MB photo is encrypted and read a chunk at a time,
 * never held twice in memory, and a range can be read for a resumed upload.
 *
 * Layout: a 36-byte header — magic `ATLENC01`, chunk size (u32), plain size (u64), a random
 * 16-byte salt — then each chunk's ciphertext followed by its 16-byte tag.
 *
 * Invariants:
 * - each file has its own key, HKDF-SHA256(attachment key, salt), so the counter nonces
 *   (chunk index) never repeat under one key;
 * - every chunk authenticates the whole header and whether it is the last one (its AAD), so a
 *   file cut short, chunks swapped or a header edited (its size, its salt) fail to decrypt;
 * - the attachment key is derived from the database key (never the key itself: one key, one use).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';

export const FILE_MAGIC = Buffer.from('ATLENC01', 'latin1');
export const FILE_CHUNK = 64 * 1024;
const HEADER_BYTES = 8 + 4 + 8 + 16;
const TAG_BYTES = 16;

/** The key for attachment files, from the database key. */
export function attachmentKeyFrom(databaseKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', databaseKey, Buffer.alloc(0), 'atelier/attachments/v1', 32));
}

/**
 * The key the window seals its drafts with (names and contacts half typed at the door, kept in
 * the browser's storage, which lives in the data folder under Electron): derived from the
 * database key, so it exists only while the app is unlocked and is never stored.
 */
export function draftKeyFrom(databaseKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', databaseKey, Buffer.alloc(0), 'atelier/renderer-drafts/v1', 32));
}

interface Header {
  bytes: Buffer;
  chunk: number;
  size: number;
  fileKey: Buffer;
}

function makeHeader(key: Buffer, size: number, chunk = FILE_CHUNK): Header {
  const bytes = Buffer.alloc(HEADER_BYTES);
  FILE_MAGIC.copy(bytes, 0);
  bytes.writeUInt32BE(chunk, 8);
  bytes.writeBigUInt64BE(BigInt(size), 12);
  const salt = randomBytes(16);
  salt.copy(bytes, 20);
  return { bytes, chunk, size, fileKey: Buffer.from(hkdfSync('sha256', key, salt, 'atelier/file/v1', 32)) };
}

function readHeader(fd: number, key: Buffer): Header {
  const bytes = Buffer.alloc(HEADER_BYTES);
  if (readSync(fd, bytes, 0, HEADER_BYTES, 0) !== HEADER_BYTES || !bytes.subarray(0, 8).equals(FILE_MAGIC)) {
    throw new Error('not an encrypted attachment');
  }
  const chunk = bytes.readUInt32BE(8);
  const size = Number(bytes.readBigUInt64BE(12));
  if (chunk < 1024 || chunk > 16 * 1024 * 1024 || !Number.isSafeInteger(size)) throw new Error('damaged attachment header');
  return { bytes, chunk, size, fileKey: Buffer.from(hkdfSync('sha256', key, bytes.subarray(20, 36), 'atelier/file/v1', 32)) };
}

const chunkCount = (h: Pick<Header, 'chunk' | 'size'>) => Math.max(1, Math.ceil(h.size / h.chunk));

function nonce(index: number): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeUInt32BE(Math.floor(index / 2 ** 32), 4);
  iv.writeUInt32BE(index >>> 0, 8);
  return iv;
}

function aad(h: Header, index: number): Buffer {
  return Buffer.concat([h.bytes, Buffer.from([index === chunkCount(h) - 1 ? 1 : 0])]);
}

/** Where a plain chunk's bytes are read from: a buffer in memory or a plain file on disk. */
type Source = (offset: number, into: Buffer) => number;

function writeEncrypted(target: string, key: Buffer, size: number, read: Source): void {
  const tmp = `${target}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    const h = makeHeader(key, size);
    writeSync(fd, h.bytes);
    const plain = Buffer.alloc(h.chunk);
    for (let i = 0; i < chunkCount(h); i++) {
      const length = read(i * h.chunk, plain.subarray(0, Math.min(h.chunk, size - i * h.chunk)));
      const cipher = createCipheriv('aes-256-gcm', h.fileKey, nonce(i));
      cipher.setAAD(aad(h, i));
      writeSync(fd, cipher.update(plain.subarray(0, length)));
      writeSync(fd, cipher.final());
      writeSync(fd, cipher.getAuthTag());
    }
    plain.fill(0);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(tmp, target);
}

/** Writes `bytes` encrypted to `target` (through a temporary name, synced, then renamed). */
export function writeEncryptedFile(target: string, key: Buffer, bytes: Uint8Array): void {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  writeEncrypted(target, key, bytes.length, (offset, into) => view.copy(into, 0, offset, offset + into.length));
}

/** Encrypts a plain file on disk into `target`, reading it a chunk at a time. */
export function encryptFileTo(plainPath: string, target: string, key: Buffer): void {
  const fd = openSync(plainPath, 'r');
  try {
    const size = fstatSync(fd).size;
    writeEncrypted(target, key, size, (offset, into) => readSync(fd, into, 0, into.length, offset));
  } finally {
    closeSync(fd);
  }
}

export interface EncryptedReader {
  /** The plain size. */
  readonly size: number;
  /** `length` plain bytes from `offset` (fewer at the end), decrypting only the chunks needed. */
  read(offset: number, length: number): Buffer;
  close(): void;
}

/** Opens an encrypted file for reading; throws on a wrong key or a damaged file when read. */
export function openEncryptedFile(path: string, key: Buffer): EncryptedReader {
  const fd = openSync(path, 'r');
  let h: Header;
  try {
    h = readHeader(fd, key);
    const expected = HEADER_BYTES + h.size + chunkCount(h) * TAG_BYTES;
    if (fstatSync(fd).size !== expected) throw new Error('attachment file cut short or too long');
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  const header = h;
  const decryptChunk = (index: number): Buffer => {
    const length = Math.min(header.chunk, header.size - index * header.chunk);
    const sealed = Buffer.alloc(length + TAG_BYTES);
    readSync(fd, sealed, 0, sealed.length, HEADER_BYTES + index * (header.chunk + TAG_BYTES));
    const decipher = createDecipheriv('aes-256-gcm', header.fileKey, nonce(index));
    decipher.setAAD(aad(header, index));
    decipher.setAuthTag(sealed.subarray(length));
    return Buffer.concat([decipher.update(sealed.subarray(0, length)), decipher.final()]);
  };
  return {
    size: header.size,
    read(offset, length) {
      const end = Math.min(header.size, offset + length);
      if (offset >= end) return Buffer.alloc(0);
      const out = Buffer.alloc(end - offset);
      for (let i = Math.floor(offset / header.chunk); i * header.chunk < end; i++) {
        const plain = decryptChunk(i);
        const start = i * header.chunk;
        plain.copy(out, Math.max(0, start - offset), Math.max(0, offset - start), Math.min(plain.length, end - start));
      }
      return out;
    },
    close: () => closeSync(fd),
  };
}

/** Reads a whole encrypted file (tests, and small files). */
export function readEncryptedFile(path: string, key: Buffer): Buffer {
  const reader = openEncryptedFile(path, key);
  try {
    return reader.read(0, reader.size);
  } finally {
    reader.close();
  }
}

/** Whether a file starts with this format's magic. */
export function isEncryptedFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(8);
    return readSync(fd, head, 0, 8, 0) === 8 && head.equals(FILE_MAGIC);
  } finally {
    closeSync(fd);
  }
}
