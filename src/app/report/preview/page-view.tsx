/** One PDF page drawn on a canvas, with clickable boxes over its figures; and its thumbnail. */
import { useEffect, useRef, useState } from 'react';
import { drawPage, type PDFDocumentProxy, type PDFPageProxy } from '../../lib/pdf-doc';
import type { FigureHit } from './figure-hits';

/** pdf.js scale 1 draws one CSS px per PDF point; paper size on screen is 96/72 of that. */
export const CSS_PER_PT = 96 / 72;

function usePage(doc: PDFDocumentProxy, n: number): PDFPageProxy | null {
  const [page, setPage] = useState<PDFPageProxy | null>(null);
  useEffect(() => {
    let on = true;
    doc.getPage(n).then(
      (p) => on && setPage(p),
      () => {},
    );
    return () => {
      on = false;
    };
  }, [doc, n]);
  return page;
}

/** Draws `page` at `scale`; a newer draw cancels an unfinished one (pdf.js forbids two on one canvas). */
function useDraw(page: PDFPageProxy | null, scale: number) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    if (!page || !canvas.current) return;
    let on = true;
    setDrawn(false);
    const job = drawPage(page, canvas.current, scale);
    job.done.then(
      () => on && setDrawn(true),
      () => {}, // cancelled by a newer draw
    );
    return () => {
      on = false;
      job.cancel();
    };
  }, [page, scale]);
  return { canvas, drawn };
}

interface PageProps {
  doc: PDFDocumentProxy;
  n: number;
  zoom: number;
  hits: readonly FigureHit[];
  onFigure(figureId: string): void;
}

export function PageView({ doc, n, zoom, hits, onFigure }: PageProps) {
  const page = usePage(doc, n);
  const scale = zoom * CSS_PER_PT;
  const { canvas, drawn } = useDraw(page, scale);
  const viewport = page?.getViewport({ scale });
  return (
    <div
      className="pdf-page"
      data-testid="pdf-page"
      data-page={n}
      data-rendered={drawn ? 'true' : 'false'}
      style={viewport ? { width: viewport.width, height: viewport.height } : undefined}
    >
      <canvas ref={canvas} aria-label={`第${n}页`} />
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

export function Thumbnail({ doc, n, active, onClick }: { doc: PDFDocumentProxy; n: number; active: boolean; onClick(): void }) {
  const page = usePage(doc, n);
  const { canvas } = useDraw(page, 0.17);
  return (
    <button
      type="button"
      className={active ? 'pdf-thumb active' : 'pdf-thumb'}
      onClick={onClick}
      data-testid="pdf-thumb"
      aria-label={`转到第${n}页`}
    >
      <canvas ref={canvas} />
      <span>{n}</span>
    </button>
  );
}
