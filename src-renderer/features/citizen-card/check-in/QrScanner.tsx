/**
 * Reads the QR code of a confirmation with the laptop's camera (@zxing/library): the camera is
 * turned on only when asked, on this screen, and turned off when asked or when the screen is
 * left. A refused or missing camera says so; typing the printed code works the same.
 */
import { BrowserQRCodeReader } from '@zxing/library';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '#renderer/components/Button.js';

/** The same code seen again within this delay is one reading. */
const SAME_CODE_MS = 4_000;

export function QrScanner({ onPayload }: { onPayload: (payload: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const reader = useRef<BrowserQRCodeReader | null>(null);
  const last = useRef<{ text: string; at: number } | null>(null);
  const handler = useRef(onPayload);
  useEffect(() => {
    handler.current = onPayload;
  });
  const [state, setState] = useState<'off' | 'on' | 'refused'>('off');

  function stop() {
    reader.current?.reset();
    reader.current = null;
    setState((s) => (s === 'on' ? 'off' : s));
  }

  async function start() {
    if (!video.current || reader.current) return;
    const r = new BrowserQRCodeReader(300);
    reader.current = r;
    setState('on');
    try {
      await r.decodeFromConstraints({ audio: false, video: { facingMode: 'environment' } }, video.current, (result) => {
        if (!result) return;
        const text = result.getText();
        const now = Date.now();
        if (last.current && last.current.text === text && now - last.current.at < SAME_CODE_MS) return;
        last.current = { text, at: now };
        handler.current(text);
      });
    } catch {
      r.reset();
      reader.current = null;
      setState('refused');
    }
  }

  // Leaving the screen turns the camera off.
  useEffect(
    () => () => {
      reader.current?.reset();
      reader.current = null;
    },
    [],
  );

  return (
    <div className="qr-scanner">
      <p>{t('citizenCard.checkIn.qrIntro')}</p>
      <div className="actions">
        {state === 'on' ? (
          <Button variant="secondary" onPress={stop}>
            {t('citizenCard.checkIn.stopCamera')}
          </Button>
        ) : (
          <Button variant="primary" onPress={() => void start()}>
            {t('citizenCard.checkIn.startCamera')}
          </Button>
        )}
      </div>
      <p aria-live="polite" className="qr-scanner__state" data-testid="camera-state">
        {state === 'on' ? t('citizenCard.checkIn.cameraOn') : state === 'refused' ? t('citizenCard.checkIn.cameraRefused') : ''}
      </p>
      <video ref={video} className="qr-scanner__video" hidden={state !== 'on'} muted playsInline aria-label={t('citizenCard.checkIn.cameraVideo')} />
    </div>
  );
}
