import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { openPdf, renderPage } from './pdf';
import './pdf-pages.css';

/** Zoom is relative to the frame's width ("fit width" = 1): small steps, large enough to read 8 pt text. */
const ZOOMS = [0.75, 1, 1.25, 1.5, 2, 2.5, 3] as const;

/**
 * The consent PDF itself, page by page (pdf.js): exactly the stored bytes the signatures bind to, never an HTML
 * re-creation of them. Full-width by default, with zoom and a full-screen reading view (a window-filling overlay,
 * not the browser's full-screen mode, which Esc would leave).
 */
export function PdfPages({ bytes, testId = 'pdf-viewer', title }: { bytes: Uint8Array; testId?: string; title?: string }) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  const [full, setFull] = useState(false);
  const [frameWidth, setFrameWidth] = useState(0);
  const [state, setState] = useState<'loading' | 'ok' | 'failed'>('loading');

  useEffect(() => {
    let live = true;
    const opened = openPdf(bytes);
    opened
      .then((task) => task.promise)
      .then(
        (d) => {
          if (!live) return;
          setDoc(d);
          setPage(1);
        },
        () => live && setState('failed'),
      );
    return () => {
      live = false;
      void opened.then((task) => task.destroy());
    };
  }, [bytes]);

  // The page follows the frame's width (window resized, full screen opened or closed).
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const measure = () => setFrameWidth(frame.clientWidth);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(frame);
    return () => observer.disconnect();
  }, [full]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!doc || !canvas || frameWidth === 0) return;
    let live = true;
    setState('loading');
    // Fit width leaves room for the frame's padding and a vertical scrollbar.
    const width = Math.round(Math.max(320, frameWidth - 40) * zoom);
    renderPage(doc, page, canvas, width).then(
      () => live && setState('ok'),
      () => live && setState('failed'),
    );
    return () => {
      live = false;
    };
  }, [doc, page, zoom, frameWidth]);

  const total = doc?.numPages ?? 0;
  const step = (dir: 1 | -1) => setZoom((z) => ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, ZOOMS.indexOf(z as (typeof ZOOMS)[number]) + dir))]!);
  const goTo = (p: number) => {
    setPage(p);
    frameRef.current?.scrollTo({ top: 0 });
  };
  return (
    <section
      className={`pdfview ${full ? 'pdfview--full' : ''}`}
      aria-label={t('consent.signing.viewer.label')}
      data-testid={testId}
      data-page={page}
      data-pages={total}
      data-state={state}
      data-zoom={zoom}
      data-full={full}
      {...(full ? { role: 'dialog', 'aria-modal': true } : {})}
    >
      <div className="pdfview__bar">
        <div className="pdfview__group">
          <button type="button" className="btn btn--secondary" onClick={() => goTo(Math.max(1, page - 1))} disabled={page <= 1}>
            {t('consent.signing.viewer.previous')}
          </button>
          <span className="pdfview__page" data-testid="pdf-page-label">
            {total > 0 ? t('consent.signing.viewer.page', { page, total }) : t('consent.signing.viewer.rendering')}
          </span>
          <button type="button" className="btn btn--secondary" onClick={() => goTo(Math.min(total, page + 1))} disabled={page >= total}>
            {t('consent.signing.viewer.next')}
          </button>
        </div>
        {full && title ? <strong className="pdfview__title">{title}</strong> : null}
        <div className="pdfview__group">
          <button type="button" className="btn btn--secondary pdfview__zoom" onClick={() => step(-1)} disabled={zoom <= ZOOMS[0]} aria-label={t('signaturePlacement.viewer.zoomOut')} title={t('signaturePlacement.viewer.zoomOut')}>
            −
          </button>
          <span className="pdfview__percent" data-testid="pdf-zoom">
            {t('signaturePlacement.viewer.zoom', { percent: Math.round(zoom * 100) })}
          </span>
          <button type="button" className="btn btn--secondary pdfview__zoom" onClick={() => step(1)} disabled={zoom >= ZOOMS[ZOOMS.length - 1]!} aria-label={t('signaturePlacement.viewer.zoomIn')} title={t('signaturePlacement.viewer.zoomIn')}>
            +
          </button>
          <button type="button" className="btn btn--secondary" onClick={() => setZoom(1)} disabled={zoom === 1}>
            {t('signaturePlacement.viewer.fitWidth')}
          </button>
          <button type="button" className="btn btn--secondary" onClick={() => setFull((f) => !f)} data-testid="pdf-full-screen">
            {full ? t('signaturePlacement.viewer.closeFullScreen') : t('signaturePlacement.viewer.fullScreen')}
          </button>
        </div>
      </div>
      <div className="pdfview__frame" ref={frameRef}>
        {state === 'failed' ? <p className="notice notice--error">{t('consent.signing.viewer.failed')}</p> : null}
        <canvas ref={canvasRef} className="pdfview__canvas" data-testid="pdf-canvas" />
      </div>
    </section>
  );
}
