/** Offers the sign-in sheet PDF as a download (then printed from the PDF viewer). */
import { downloadBase64 } from '#renderer/components/download.js';

export function downloadSignInSheet(fileName: string, base64: string) {
  downloadBase64(fileName, 'application/pdf', base64);
}
