/** The session's papers (sign-in sheet, confirmations, certificates) as PDF downloads. */
import type { Result } from '#shared/result.js';
import { invoke } from '#renderer/api/client.js';
import { currentLanguage } from '#renderer/app/i18n.js';
import type { useNotice } from '#renderer/app/notices.js';
import { downloadBase64 } from '#renderer/components/download.js';
import { NOUN, refusal } from './nouns';

export type Paper = 'signInSheet' | 'confirmations' | 'certificates';

export async function downloadPaper(paper: Paper, workshopId: string, notice: ReturnType<typeof useNotice>) {
  notice.show({ tone: 'info', message: (tr) => tr('citizenCard.papers.working') });
  const locale = currentLanguage();
  let r: Result<{ fileName: string; base64: string }>;
  if (paper === 'signInSheet') r = await invoke('citizen-card:sign-in-sheet', { workshopId, locale });
  else if (paper === 'confirmations') r = await invoke('citizen-card:confirmations', { workshopId, locale });
  else r = await invoke('citizen-card:certificates', { workshopId });
  if (!r.ok) {
    const error = r.error;
    notice.show({ tone: 'error', message: (tr) => refusal(tr, error, NOUN.occurrence) });
    return;
  }
  downloadBase64(r.value.fileName, 'application/pdf', r.value.base64);
  const file = r.value.fileName;
  notice.show({ tone: 'success', message: (tr) => tr('citizenCard.papers.ready', { file }) });
}
