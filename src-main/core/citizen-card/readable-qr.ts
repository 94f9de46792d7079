/**
 * The modules of a confirmation's QR code, chosen so that the desk's own scanner reads it back.
 *
 * The check-in screen decodes with @zxing/library. Measured on this project's payloads
 * (« ATELIER-CC: » and a registration id), about one code in fifteen that the `qrcode` package
 * draws with its preferred mask pattern is not decoded by zxing at some or all sizes, while the same
 * text under another of the eight standard masks is. A QR code is valid under every mask, so
 * the printer tries the preferred one first, then the others, and keeps the first that zxing
 * reads back from clean pictures of it at every size from 3 to 12 pixels a module (whether
 * zxing reads a code depends on its size in pixels as much as on its mask). A confirmation no scanner at the desk can read is a
 * person queuing while someone types their card number.
 */
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import QRCode from 'qrcode';

type Mask = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;
const MASKS: readonly Mask[] = [0, 1, 2, 3, 4, 5, 6, 7];

export interface QrModules {
  readonly size: number;
  /** The mask pattern the modules were drawn with. */
  readonly mask: Mask;
  get(row: number, col: number): boolean;
}

const QUIET = 4;
/** Pixels per module of the pictures tried: a code held close to the camera or far from it. */
const SCALES = [3, 4, 5, 6, 7, 8, 9, 10, 12];

/** A clean grey picture of the code, `scale` pixels per module with its quiet zone. */
function picture(modules: QrModules, scale: number): { pixels: Uint8ClampedArray; width: number } {
  const width = (modules.size + 2 * QUIET) * scale;
  const pixels = new Uint8ClampedArray(width * width).fill(255);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        const start = ((QUIET + row) * scale + y) * width + (QUIET + col) * scale;
        pixels.fill(0, start, start + scale);
      }
    }
  }
  return { pixels, width };
}

/** Whether zxing, as the check-in screen uses it (finding the code in the picture), reads `payload` back at every size tried. */
export function zxingReads(modules: QrModules, payload: string): boolean {
  const hints = new Map<DecodeHintType, unknown>([[DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.QR_CODE]]]);
  return SCALES.every((scale) => {
    const { pixels, width } = picture(modules, scale);
    try {
      return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, width, width))), hints).getText() === payload;
    } catch {
      return false;
    }
  });
}

/** The code of `payload` at error correction M, under the first mask zxing reads back (the preferred one first). */
export function readableQr(payload: string): QrModules {
  const preferred = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const toModules = (code: typeof preferred): QrModules => ({ size: code.modules.size, mask: code.maskPattern as Mask, get: (row, col) => Boolean(code.modules.get(row, col)) });
  const first = toModules(preferred);
  if (zxingReads(first, payload)) return first;
  for (const maskPattern of MASKS) {
    const other = toModules(QRCode.create(payload, { errorCorrectionLevel: 'M', maskPattern }));
    if (zxingReads(other, payload)) return other;
  }
  // Never seen: every mask refused. The code is still valid for other readers; manual entry remains.
  return first;
}
