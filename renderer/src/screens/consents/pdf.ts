import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * pdf.js, loaded when a document is first shown (it is large, and only the signing screen needs it). Its worker
 * is a same-origin file emitted by Vite ('self' under the app's CSP); no eval, no remote fetches.
 */
let pdfjs: Promise<typeof import('pdfjs-dist')> | null = null;
function loadPdfjs(): Promise<typeof import('pdfjs-dist')> {
  pdfjs ??= import('pdfjs-dist').then((m) => {
    m.GlobalWorkerOptions.workerSrc = workerUrl;
    return m;
  });
  return pdfjs;
}

/** Opens PDF bytes with pdf.js (the fonts are embedded, so no CMap or standard-font files are fetched). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentLoadingTask> {
  const { getDocument } = await loadPdfjs();
  return getDocument({ data: bytes.slice(), useSystemFonts: false, stopAtErrors: true });
}

/** Draws one page on a canvas, `cssWidth` wide, sharp on high-density screens. */
export async function renderPage(doc: PDFDocumentProxy, pageNumber: number, canvas: HTMLCanvasElement, cssWidth: number): Promise<void> {
  const page = await doc.getPage(pageNumber);
  const base = page.getViewport({ scale: 1 });
  const ratio = Math.max(window.devicePixelRatio || 1, 1);
  const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${cssWidth}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  await page.render({ canvas, viewport }).promise;
}

/** Paper resolution for printing: small print (8 pt notes, the hashes) stays sharp. */
export const PRINT_DPI = 300;

/**
 * Every page drawn at `dpi` (PDF points are 1/72 inch) as PNG object URLs, for printing through the browser's
 * print dialog at the paper's own size. The caller revokes the URLs when printing is over.
 */
export async function pagesForPrint(bytes: Uint8Array, dpi = PRINT_DPI): Promise<{ url: string; widthMm: number; heightMm: number }[]> {
  const task = await openPdf(bytes);
  const doc = await task.promise;
  try {
    const pages: { url: string; widthMm: number; heightMm: number }[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: dpi / 72 });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      await page.render({ canvas, viewport }).promise;
      const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('page image'))), 'image/png'));
      pages.push({ url: URL.createObjectURL(blob), widthMm: (base.width / 72) * 25.4, heightMm: (base.height / 72) * 25.4 });
      canvas.width = 0;
      canvas.height = 0;
    }
    return pages;
  } finally {
    await task.destroy();
  }
}
