/**
 * Test photos without an image library: a real baseline JPEG (grey, every 8×8 block DC-only,
 * one-symbol Huffman tables) that browsers and pdf-lib read, padded to a phone photo's size
 * with APP15 segments as a phone's EXIF and maker notes are; and a small PNG. Not a test.
 */
import { deflateSync } from 'node:zlib';

function segment(marker: number, body: Uint8Array): Buffer {
  const head = Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return Buffer.concat([head, body]);
}

/** A `width`×`height` grey JPEG of about `bytes` bytes (at least its own few hundred). */
export function fakeJpeg(width = 64, height = 48, bytes = 0, shade = 0): Buffer {
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
  parts.push(segment(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0])));
  parts.push(segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])));
  parts.push(segment(0xc0, Buffer.from([8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0])));
  // DC table 0: one code of length 1 for category `shade` (0: no difference); AC table 0: one code for EOB.
  const table = (cls: number, symbol: number) => Buffer.concat([Buffer.from([cls << 4]), Buffer.from([1, ...new Array(15).fill(0)]), Buffer.from([symbol])]);
  parts.push(segment(0xc4, Buffer.concat([table(0, 0), table(1, 0)])));
  // A comment naming the photo: two photos of one size are two contents.
  parts.push(segment(0xfe, Buffer.from(`photo ${shade}`, 'latin1')));
  let padding = bytes - 600;
  while (padding > 0) {
    const n = Math.min(65_000, padding);
    parts.push(segment(0xef, Buffer.alloc(n, 0x20 + (shade % 64))));
    padding -= n + 4;
  }
  parts.push(segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])));
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  // Two zero bits per block (DC: no difference, AC: end of block), then padded with ones.
  const bits = blocks * 2;
  const data = Buffer.alloc(Math.ceil(bits / 8) + 1, 0);
  const last = Math.floor(bits / 8);
  data[last] = 0xff >> bits % 8;
  parts.push(data.subarray(0, bits % 8 === 0 ? last : last + 1));
  parts.push(Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A `width`×`height` PNG of one colour. */
export function fakePng(width = 40, height = 30, rgb: [number, number, number] = [200, 90, 40]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(new Array(width).fill(rgb).flat())]);
  const raw = Buffer.concat(new Array(height).fill(row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
