import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';
import type { SignatureInk } from '../../../../shared/schemas/consent';
import { judgeSignature } from '../../../../shared/signature';
import { toInk, toStrokes } from './ink';

/**
 * A large signature pad (signature_pad on a canvas sized for the screen's pixel ratio). Reports the ink after
 * every stroke: null while nothing counts as a signature yet (empty, or a dot).
 */
export function SignaturePadField({ onChange, testId, compact = false }: { onChange: (ink: SignatureInk | null) => void; testId?: string; compact?: boolean }) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const onChangeRef = useRef(onChange);
  const [state, setState] = useState<'empty' | 'too_small' | 'ok'>('empty');
  const hintId = useId();

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const size = () => ({ width: canvas.offsetWidth, height: canvas.offsetHeight });
    const pad = new SignaturePad(canvas, { penColor: '#10286e', minWidth: 0.8, maxWidth: 2.8, backgroundColor: 'rgba(0,0,0,0)' });
    padRef.current = pad;
    // The canvas gets its size only once the dialog is open and laid out (and again if the window resizes):
    // match its pixels to its CSS size and the screen's density, keeping what was already drawn.
    const fit = () => {
      const { width, height } = size();
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      if (width === 0 || height === 0 || (canvas.width === Math.round(width * ratio) && canvas.height === Math.round(height * ratio))) return;
      const data = pad.toData();
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.clear();
      if (data.length > 0) pad.fromData(data);
    };
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    fit();
    const report = () => {
      const groups = pad.toData();
      const strokes = toStrokes(groups, size());
      const verdict = judgeSignature(strokes, size().width);
      setState(verdict);
      onChangeRef.current(verdict === 'ok' ? toInk(groups, size(), pad.toDataURL('image/png')) : null);
    };
    pad.addEventListener('endStroke', report);
    return () => {
      observer.disconnect();
      pad.removeEventListener('endStroke', report);
      pad.off();
      padRef.current = null;
    };
  }, []);

  const clear = () => {
    padRef.current?.clear();
    setState('empty');
    onChangeRef.current(null);
  };

  return (
    <div className={`sigpad ${compact ? 'sigpad--compact' : ''}`} data-testid={testId}>
      <canvas ref={canvasRef} className="sigpad__canvas" aria-label={t('consent.signing.pad.label')} aria-describedby={hintId} data-testid="signature-canvas" />
      <div className="sigpad__bar">
        <span id={hintId} className="muted">
          {t('consent.signing.pad.hint')}
        </span>
        <span className={`sigpad__state sigpad__state--${state}`} data-testid="signature-state" role="status">
          {state === 'ok' ? t('consent.signing.pad.ready') : state === 'too_small' ? t('consent.signing.pad.tooSmall') : t('consent.signing.pad.empty')}
        </span>
        <button type="button" className="btn btn--secondary" onClick={clear}>
          {t('consent.signing.pad.clear')}
        </button>
      </div>
    </div>
  );
}
