/**
 * Reads back the text a PDF shows, for tests: inflates every content stream and decodes the
 * strings of its text operators (pdf-lib writes standard-font text as hex WinAnsi). Not a
 * general PDF parser; enough to prove what a sheet prints. Not a test file itself.
 */
import { inflateSync } from 'node:zlib';

const winAnsiExtras: Record<number, string> = { 0x92: '’', 0x85: '…', 0x96: '–', 0x97: '—', 0x80: '€', 0x9c: 'œ' };

function decodeHex(hex: string): string {
  let out = '';
  for (let i = 0; i < hex.length; i += 2) {
    const code = parseInt(hex.slice(i, i + 2), 16);
    out += winAnsiExtras[code] ?? String.fromCharCode(code);
  }
  return out;
}

export function pdfTextLines(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const streamPattern = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streamPattern.exec(raw))) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    const header = raw.slice(Math.max(0, match.index - 300), match.index);
    let body = pdf.subarray(start, end);
    if (/FlateDecode/.test(header.slice(header.lastIndexOf('<<')))) {
      try {
        body = inflateSync(body);
      } catch {
        continue;
      }
    }
    for (const m of body.toString('latin1').matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) lines.push(decodeHex(m[1]!));
  }
  return lines;
}
