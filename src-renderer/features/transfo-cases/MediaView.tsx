/**
 * A prototype's photo (a thumbnail whose alternative text is the prototype's title) or video (a
 * button that loads it into a player, the prototype's description beside it as text). The bytes
 * come from the core (`transfoCases:attachment`) as a blob URL, freed when the view goes.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseAttachment } from '#shared/transfo/case-sync.schema.js';
import { isVideoType } from '#shared/transfo/case-values.js';
import { invoke } from '#renderer/api/client.js';
import { Button } from '#renderer/components/Button.js';

function useBlobUrl(sha256: string, load: boolean): { url: string | null; missing: boolean } {
  const [state, setState] = useState<{ url: string | null; missing: boolean }>({ url: null, missing: false });
  useEffect(() => {
    if (!load) return;
    let live = true;
    let url: string | null = null;
    void invoke('transfoCases:attachment', { sha256 }).then((r) => {
      if (!live) return;
      if (!r.ok) return setState({ url: null, missing: true });
      const bytes = Uint8Array.from(atob(r.value.base64), (ch) => ch.charCodeAt(0));
      url = URL.createObjectURL(new Blob([bytes], { type: r.value.mediaType }));
      setState({ url, missing: false });
    });
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [sha256, load]);
  return state;
}

export function MediaView({ media, n, title, description }: { media: CaseAttachment; n: number; title: string; description: string }) {
  const { t } = useTranslation();
  const video = isVideoType(media.mediaType);
  const [play, setPlay] = useState(false);
  const { url, missing } = useBlobUrl(media.sha256, !video || play);
  const descriptionId = `media-${media.sha256.slice(0, 12)}-${n}`;
  if (missing) return <p className="form-note">{t('transfoCases.ui.case.mediaMissing')}</p>;
  if (!video) return url ? <img src={url} alt={title} data-testid="case-photo" /> : <p className="loading">{t('transfoCases.ui.loading')}</p>;
  return (
    <figure>
      {url ? (
        <video src={url} controls aria-label={t('transfoCases.ui.case.videoOf', { n, title })} aria-describedby={descriptionId} data-testid="case-video" />
      ) : (
        <Button variant="secondary" onPress={() => setPlay(true)} aria-describedby={descriptionId}>
          {t('transfoCases.ui.case.videoPlay', { n, title })}
        </Button>
      )}
      <figcaption id={descriptionId}>{t('transfoCases.ui.case.videoDescribed', { text: description || title })}</figcaption>
    </figure>
  );
}
