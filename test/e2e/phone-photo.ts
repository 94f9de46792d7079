/** Real-sized photos for the e2e: what a phone gives (3–8 MB), made by the browser itself. */
import type { Page } from '@playwright/test';

/** A JPEG of at least `minBytes`, encoded by the browser's canvas from random pixels. */
export async function phoneJpeg(page: Page, minBytes: number): Promise<Buffer> {
  const base64 = await page.evaluate(async (min) => {
    let side = 1400;
    for (;;) {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(side * 1.33);
      canvas.height = side;
      const ctx = canvas.getContext('2d')!;
      const image = ctx.createImageData(canvas.width, canvas.height);
      for (let i = 0; i < image.data.length; i++) image.data[i] = i % 4 === 3 ? 255 : (Math.random() * 256) | 0;
      ctx.putImageData(image, 0, 0);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.92));
      if (blob.size >= min) {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(binary);
      }
      side = Math.ceil(side * Math.sqrt(min / blob.size) * 1.05);
    }
  }, minBytes);
  return Buffer.from(base64, 'base64');
}
