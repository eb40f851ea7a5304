/**
 * One PDF page drawn on a canvas, with clickable boxes over its figures; and its thumbnail.
 * A page is drawn only once it comes near the visible part of the preview, so page 1 never waits
 * behind the others; every use of the document goes through its owner (lib/pdf-doc.ts).
 */
import { useEffect, useRef, useState } from 'react';
import type { OwnedPdf, PDFPageProxy } from '../../lib/pdf-doc';
import type { FigureHit } from './figure-hits';

/** pdf.js scale 1 draws one CSS px per PDF point; paper size on screen is 96/72 of that. */
export const CSS_PER_PT = 96 / 72;

/** Page `n` of `pdf` (null until read; never a page of the document shown before). */
function usePage(pdf: OwnedPdf, n: number): PDFPageProxy | null {
  const [got, setGot] = useState<{ pdf: OwnedPdf; page: PDFPageProxy } | null>(null);
  useEffect(() => {
    let on = true;
    void pdf.page(n).then((page) => on && page && setGot({ pdf, page }));
    return () => {
      on = false;
    };
  }, [pdf, n]);
  return got?.pdf === pdf ? got.page : null;
}

/** True once `el` has come within a screen of the visible area (and stays true). */
function useNear(el: React.RefObject<HTMLElement | null>, eager: boolean): boolean {
  const [near, setNear] = useState(eager);
  useEffect(() => {
    if (near || !el.current) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '600px' });
    io.observe(el.current);
    return () => io.disconnect();
  }, [el, near]);
  return near;
}

/**
 * Draws `page` at `scale` when `go`; a newer draw cancels an unfinished one (pdf.js forbids two on
 * one canvas). `drawn` names the document and scale of the picture on the canvas.
 */
function useDraw(pdf: OwnedPdf, page: PDFPageProxy | null, scale: number, go: boolean) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState<{ pdf: OwnedPdf; scale: number } | null>(null);
  useEffect(() => {
    if (!page || !go || !canvas.current) return;
    let on = true;
    const job = pdf.draw(page, canvas.current, scale);
    void job.done.then((ok) => ok && on && setDrawn({ pdf, scale }));
    return () => {
      on = false;
      job.cancel();
    };
  }, [pdf, page, scale, go]);
  return { canvas, drawn };
}

interface PageProps {
  pdf: OwnedPdf;
  n: number;
  /** CSS px per PDF point. */
  scale: number;
  hits: readonly FigureHit[];
  /** The page's words, for screen readers. */
  text: string;
  onFigure(figureId: string): void;
  /** Page 1 of this document is drawn: the others may start. */
  ready: boolean;
  /** Its turn in the background, page after page, even if not near the visible area. */
  queued: boolean;
  onDrawn(n: number): void;
}

export function PageView({ pdf, n, scale, hits, text, onFigure, ready, queued, onDrawn }: PageProps) {
  const page = usePage(pdf, n);
  const box = useRef<HTMLDivElement>(null);
  const near = useNear(box, n === 1);
  const { canvas, drawn } = useDraw(pdf, page, scale, n === 1 || (ready && (near || queued)));
  // The picture on screen is of this document at this scale (an older one may show meanwhile).
  const current = drawn?.pdf === pdf && drawn.scale === scale;
  useEffect(() => {
    if (drawn) onDrawn(n);
    // onDrawn is the preview's stable callback; a finished draw is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [drawn]);
  const viewport = page?.getViewport({ scale });
  // While a new document's page is read, the box keeps the old one's size (no jump in the scroller).
  const size = useRef<{ width: number; height: number } | undefined>(undefined);
  if (viewport) size.current = { width: viewport.width, height: viewport.height };
  return (
    <div
      ref={box}
      className="pdf-page"
      data-testid="pdf-page"
      data-page={n}
      data-rendered={current ? 'true' : 'false'}
      style={size.current}
    >
      <canvas ref={canvas} aria-label={`第${n}页`} />
      <div className="pdf-page-text" data-testid="pdf-page-text">
        {text}
      </div>
      {viewport &&
        hits.map((h, i) => {
          const [x0, y0] = viewport.convertToViewportPoint(h.rect[0], h.rect[1]) as number[];
          const [x1, y1] = viewport.convertToViewportPoint(h.rect[2], h.rect[3]) as number[];
          return (
            <button
              key={i}
              type="button"
              className="pdf-fig-hit"
              data-figure-id={h.figureId}
              title="查看这个数字来自哪些台账记录"
              style={{ left: Math.min(x0, x1), top: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0) }}
              onClick={() => onFigure(h.figureId)}
            />
          );
        })}
      <span className="pdf-page-no">第{n}页</span>
    </div>
  );
}

interface ThumbProps {
  pdf: OwnedPdf;
  n: number;
  active: boolean;
  /** Drawn once its page is (thumbnails never hold up the pages). */
  ready: boolean;
  onClick(): void;
}

/** A page's thumbnail, drawn after its page. */
export function Thumbnail({ pdf, n, active, ready, onClick }: ThumbProps) {
  const page = usePage(pdf, n);
  const { canvas } = useDraw(pdf, page, 0.17, ready);
  const viewport = page?.getViewport({ scale: 0.17 });
  return (
    <button
      type="button"
      className={active ? 'pdf-thumb active' : 'pdf-thumb'}
      onClick={onClick}
      data-testid="pdf-thumb"
      aria-label={`转到第${n}页`}
    >
      <canvas ref={canvas} style={viewport ? { width: viewport.width, height: viewport.height } : undefined} />
      <span>{n}</span>
    </button>
  );
}
