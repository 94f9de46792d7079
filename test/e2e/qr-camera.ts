/**
 * A camera that shows a QR code: the code a confirmation prints (readable-qr.ts, drawn by the `qrcode` package) (as a PNG, and as the
 * frames of a Y4M video, the format Chromium's fake capture device reads), and a Chromium of its
 * own launched with that video as its camera (--use-fake-device-for-media-stream
 * --use-file-for-fake-video-capture) and the camera allowed for the host's origin.
 */
import { writeFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import QRCode from 'qrcode';
import { readableQr } from '../../src-main/core/citizen-card/readable-qr.js';

/** Writes `text` as a QR code: `<base>.png` (what a confirmation prints) and `<base>.y4m` (a camera filming it). */
export async function qrCameraFiles(text: string, base: string, { width = 640, height = 480, frames = 20 } = {}): Promise<{ png: string; y4m: string }> {
  const png = `${base}.png`;
  // The code the confirmation prints: the mask zxing reads back (readable-qr.ts).
  const modules = readableQr(text);
  await QRCode.toFile(png, text, { errorCorrectionLevel: 'M', margin: 4, scale: 8, maskPattern: modules.mask });
  const quiet = 4;
  const total = modules.size + 2 * quiet;
  const scale = Math.floor((Math.min(width, height) * 0.85) / total);
  const left = Math.floor((width - total * scale) / 2);
  const top = Math.floor((height - total * scale) / 2);
  // 4:2:0, full range (C420jpeg): white paper, black modules, no colour.
  const luma = Buffer.alloc(width * height, 255);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let dy = 0; dy < scale; dy++) {
        const y = top + (row + quiet) * scale + dy;
        luma.fill(0, y * width + left + (col + quiet) * scale, y * width + left + (col + quiet + 1) * scale);
      }
    }
  }
  const chroma = Buffer.alloc(width * height / 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const y4m = `${base}.y4m`;
  writeFileSync(y4m, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: frames }, () => frame)]));
  return { png, y4m };
}

/** A Chromium whose camera films `y4m`, and a context where `origin` may use it. */
export async function browserWithCamera(y4m: string, origin: string): Promise<{ browser: Browser; context: BrowserContext }> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${y4m}`,
    ],
  });
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'America/New_York', viewport: { width: 1366, height: 800 } });
  await context.grantPermissions(['camera'], { origin });
  return { browser, context };
}
