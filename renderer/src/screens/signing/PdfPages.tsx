import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { openPdf, renderPage } from './pdf';

/**
 * The consent PDF itself, page by page (pdf.js): exactly the stored bytes the signatures bind to, never an HTML
 * re-creation of them.
 */
export function PdfPages({ bytes, testId = 'pdf-viewer' }: { bytes: Uint8Array; testId?: string }) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
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

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!doc || !canvas) return;
    let live = true;
    setState('loading');
    const width = Math.min(820, Math.max(320, (frameRef.current?.clientWidth ?? 820) - 2));
    renderPage(doc, page, canvas, width).then(
      () => live && setState('ok'),
      () => live && setState('failed'),
    );
    return () => {
      live = false;
    };
  }, [doc, page]);

  const total = doc?.numPages ?? 0;
  return (
    <section className="pdfview" aria-label={t('consent.signing.viewer.label')} data-testid={testId} data-page={page} data-pages={total} data-state={state}>
      <div className="pdfview__bar">
        <button type="button" className="btn btn--secondary" onClick={() => setPage((p) => Math.max(1, p - 1))} disabled={page <= 1}>
          {t('consent.signing.viewer.previous')}
        </button>
        <span className="pdfview__page" data-testid="pdf-page-label">
          {total > 0 ? t('consent.signing.viewer.page', { page, total }) : t('consent.signing.viewer.rendering')}
        </span>
        <button type="button" className="btn btn--secondary" onClick={() => setPage((p) => Math.min(total, p + 1))} disabled={page >= total}>
          {t('consent.signing.viewer.next')}
        </button>
      </div>
      <div className="pdfview__frame" ref={frameRef}>
        {state === 'failed' ? <p className="notice notice--error">{t('consent.signing.viewer.failed')}</p> : null}
        <canvas ref={canvasRef} className="pdfview__canvas" data-testid="pdf-canvas" />
      </div>
    </section>
  );
}
