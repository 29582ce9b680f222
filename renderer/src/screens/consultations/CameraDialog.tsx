import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';

export interface CapturedPhoto {
  mime: 'image/jpeg' | 'image/png';
  dataBase64: string;
  previewUrl: string;
  capturedAt?: string;
  fileName?: string;
}

type CameraState = 'starting' | 'live' | 'unavailable';

function cameraSupported(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

/**
 * The camera in a dialog: a live preview and a capture button. No camera, a refused permission (the desktop
 * app grants none) or a busy device all end in a plain message pointing to the file picker. The stream is
 * stopped when the dialog closes.
 */
export function CameraDialog({ onCapture, onClose }: { onCapture: (photo: CapturedPhoto) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const [state, setState] = useState<CameraState>(() => (cameraSupported() ? 'starting' : 'unavailable'));

  useEffect(() => {
    if (!cameraSupported()) return;
    let live = true;
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then((stream) => {
        if (!live) {
          stream.getTracks().forEach((track) => track.stop());
          return;
        }
        streamRef.current = stream;
        const video = videoRef.current;
        if (video) {
          video.srcObject = stream;
          void video.play().catch(() => undefined);
        }
        setState('live');
      })
      .catch(() => {
        if (live) setState('unavailable');
      });
    return () => {
      live = false;
      streamRef.current?.getTracks().forEach((track) => track.stop());
      streamRef.current = null;
    };
  }, []);

  const capture = () => {
    const video = videoRef.current;
    if (!video || video.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const g = canvas.getContext('2d');
    if (!g) return setState('unavailable');
    g.drawImage(video, 0, 0, canvas.width, canvas.height);
    const previewUrl = canvas.toDataURL('image/jpeg', 0.92);
    onCapture({ mime: 'image/jpeg', previewUrl, dataBase64: previewUrl.slice(previewUrl.indexOf(',') + 1), capturedAt: new Date().toISOString() });
  };

  return (
    <Dialog title={t('consultation.photos.camera.title')} onCancel={onClose} className="camera-dialog" testId="camera-dialog">
      <div className="camera">
        <video ref={videoRef} className="camera__video" hidden={state !== 'live'} playsInline muted aria-label={t('consultation.photos.camera.preview')} />
        {state === 'starting' ? <p className="muted">{t('consultation.photos.camera.starting')}</p> : null}
        {state === 'unavailable' ? (
          <p className="notice notice--warning" role="alert" data-testid="camera-unavailable">
            {t('consultation.photos.camera.unavailable')}
          </p>
        ) : null}
      </div>
      <div className="actions actions--end">
        <button type="button" className="btn btn--secondary" onClick={onClose}>
          {t('consultation.photos.camera.close')}
        </button>
        <button type="button" className="btn btn--primary" onClick={capture} disabled={state !== 'live'}>
          {t('consultation.photos.camera.capture')}
        </button>
      </div>
    </Dialog>
  );
}
