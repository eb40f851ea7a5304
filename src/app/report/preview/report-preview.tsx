/**
 * 预览: the very PDF that prints, page by page (pdf.js on canvas), with page count, zoom (整页 and
 * 页宽 fit the window; 50%–200%) and thumbnails. Page 1 is drawn first; the other pages, their
 * thumbnails and the clickable figures follow. Numbers that come from the ledger are clickable;
 * a notice says which 公文 faces this PC lacks and what replaces them. The document itself is the
 * report screen's (use-report-pdf.ts): this view only draws it.
 */
import { ActionIcon, Alert, Button, Group, Loader, Select, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { OwnedPdf } from '../../lib/pdf-doc';
import type { ReportDocument } from '../types';
import { figureRuns, findFigureHits, type FigureHit } from './figure-hits';
import { FontNotice } from './font-notice';
import { CSS_PER_PT, PageView, Thumbnail } from './page-view';
import type { ReportPdf } from './use-report-pdf';
import './preview.css';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2];
type Zoom = 'page' | 'width' | number;
const FITS: Record<'page' | 'width', string> = { page: '整页', width: '页宽' };
/** The grey margin around a page in the scroller (its padding), in CSS px. */
const MARGIN = 16;

interface Props {
  /** The draft has edits the PDF does not show yet. */
  unsaved: boolean;
  file: ReportPdf;
  /** The assembled document the PDF was made from (for clickable figures). */
  document: ReportDocument | null;
  onFigure(figureId: string): void;
}

/** The scroller's inner size, followed as the window changes. */
function useBoxSize(el: React.RefObject<HTMLElement | null>): { w: number; h: number } {
  const [size, setSize] = useState({ w: 0, h: 0 });
  useEffect(() => {
    if (!el.current) return;
    const ro = new ResizeObserver(([e]) => setSize({ w: e.contentRect.width, h: e.contentRect.height }));
    ro.observe(el.current);
    return () => ro.disconnect();
  }, [el]);
  return size;
}

/**
 * Makes `el` reach down to the window's bottom edge, wherever the banners above it leave its top:
 * only the pages scroll, and 整页 can use all the height there is.
 */
function useFillHeight(el: React.RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const fit = () => {
      const top = node.getBoundingClientRect().top + window.scrollY;
      node.style.height = `${Math.max(360, window.innerHeight - top - 12)}px`;
    };
    fit();
    const ro = new ResizeObserver(fit);
    const page = node.closest('[data-testid="report-page"]');
    if (page) for (const child of page.children) if (!child.contains(node)) ro.observe(child);
    window.addEventListener('resize', fit);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', fit);
    };
  }, [el]);
}

/** Page 1's size in PDF points (all report pages are A4). */
function usePageSize(pdf: OwnedPdf | null): { w: number; h: number } | null {
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  useEffect(() => {
    let on = true;
    void pdf?.page(1).then((p) => {
      const v = p?.getViewport({ scale: 1 });
      if (on && v) setSize({ w: v.width, h: v.height });
    });
    return () => {
      on = false;
    };
  }, [pdf]);
  return size;
}

/** Which pages of the current document are drawn: page 1 first, then the rest in turn. */
function useDrawnPages(pdf: OwnedPdf | null) {
  const [state, setState] = useState<{ of: OwnedPdf | null; pages: ReadonlySet<number> }>({ of: null, pages: new Set() });
  const live = useRef(pdf);
  live.current = pdf;
  const onDrawn = useCallback(
    (n: number) =>
      setState((s) =>
        s.of !== live.current
          ? { of: live.current, pages: new Set([n]) }
          : s.pages.has(n)
            ? s
            : { of: s.of, pages: new Set(s.pages).add(n) },
      ),
    [],
  );
  const drawn = state.of === pdf ? state.pages : new Set<number>();
  let upTo = 0;
  while (drawn.has(upTo + 1)) upTo++;
  return { drawn, upTo, onDrawn };
}

/**
 * The pages' text, read once page 1 is on screen: where the figures sit (clickable), and each page's
 * words for screen readers (the canvas alone says nothing).
 */
function usePageTexts(pdf: OwnedPdf | null, document: ReportDocument | null, ready: boolean) {
  const [read, setRead] = useState<{ hits: FigureHit[]; texts: string[] }>({ hits: [], texts: [] });
  useEffect(() => {
    if (!pdf || !ready) return setRead({ hits: [], texts: [] });
    let on = true;
    void Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pdf.text(i + 1))).then(
      (items) =>
        on &&
        setRead({
          hits: document ? findFigureHits(items, figureRuns(document)) : [],
          texts: items.map((page) => page.map((t) => t.str).join('')),
        }),
    );
    return () => {
      on = false;
    };
  }, [pdf, document, ready]);
  const byPage = useMemo(() => {
    const m = new Map<number, FigureHit[]>();
    for (const h of read.hits) m.set(h.page + 1, [...(m.get(h.page + 1) ?? []), h]);
    return m;
  }, [read.hits]);
  return { byPage, texts: read.texts };
}

export function ReportPreview({ unsaved, file, document, onFigure }: Props) {
  const { pdf, loading, error, retry, generation } = file;
  const [zoom, setZoom] = useState<Zoom>('page');
  const [current, setCurrent] = useState(1);
  const scroller = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);
  useFillHeight(root);
  const box = useBoxSize(scroller);
  const paper = usePageSize(pdf);
  const { drawn, upTo, onDrawn } = useDrawnPages(pdf);
  const { byPage, texts } = usePageTexts(pdf, document, drawn.has(1));

  // CSS px per PDF point: a fit follows the window; a percentage is of the paper's real size.
  const scale = (() => {
    if (typeof zoom === 'number' || !paper || !box.w) return (typeof zoom === 'number' ? zoom : 1) * CSS_PER_PT;
    const byWidth = (box.w - 2 * MARGIN) / paper.w;
    return zoom === 'width' ? byWidth : Math.min(byWidth, (box.h - 2 * MARGIN) / paper.h);
  })();
  const percent = Math.round((scale / CSS_PER_PT) * 100);
  const step = (dir: 1 | -1) => {
    const now = scale / CSS_PER_PT;
    const next = dir > 0 ? ZOOMS.find((z) => z > now + 0.01) : [...ZOOMS].reverse().find((z) => z < now - 0.01);
    if (next) setZoom(next);
  };

  const goTo = (n: number) => {
    setCurrent(n);
    scroller.current?.querySelector(`[data-page="${n}"]`)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };
  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const pages = [...el.querySelectorAll<HTMLElement>('[data-page]')];
    const top = el.getBoundingClientRect().top;
    const visible = pages.find((p) => p.getBoundingClientRect().bottom > top + 80);
    if (visible) setCurrent(Number(visible.dataset.page));
  };

  return (
    <div className="preview" ref={root} data-testid="report-preview" data-generation={generation}>
      <Group justify="space-between" className="preview-bar" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" data-testid="pdf-page-count">
            {pdf ? `共${pdf.numPages}页` : '　'}
          </Text>
          {pdf && (
            <Text size="sm" c="dimmed">
              第{current}页
            </Text>
          )}
          {loading && <Loader size="xs" aria-label="正在生成预览" />}
          {unsaved ? (
            <Text size="sm" c="orange.8">
              显示的是上次保存的内容，保存后更新
            </Text>
          ) : (
            pdf && (
              <Text size="xs" c="dimmed" className="preview-hint">
                点击正文中的数字可查看它来自哪些台账记录
              </Text>
            )
          )}
        </Group>
        <Group gap={4} wrap="nowrap">
          <ActionIcon variant="default" aria-label="缩小" disabled={scale <= ZOOMS[0] * CSS_PER_PT + 0.01} onClick={() => step(-1)}>
            −
          </ActionIcon>
          <Select
            size="xs"
            w={96}
            aria-label="缩放"
            value={String(zoom)}
            data={[
              { value: 'page', label: FITS.page },
              { value: 'width', label: FITS.width },
              ...ZOOMS.map((z) => ({ value: String(z), label: `${Math.round(z * 100)}%` })),
            ]}
            onChange={(v) => v && setZoom(v === 'page' || v === 'width' ? v : Number(v))}
          />
          <ActionIcon
            variant="default"
            aria-label="放大"
            disabled={scale >= ZOOMS[ZOOMS.length - 1] * CSS_PER_PT - 0.01}
            onClick={() => step(1)}
          >
            +
          </ActionIcon>
          <Text size="xs" c="dimmed" w={36} ta="right" data-testid="preview-percent">
            {percent}%
          </Text>
          <Button size="xs" variant="subtle" onClick={retry}>
            刷新
          </Button>
        </Group>
      </Group>
      <FontNotice />
      {error && (
        <Alert color="red" variant="light" title="无法生成预览" data-testid="preview-error">
          {error}
          <Button size="xs" variant="light" color="red" ml="sm" onClick={retry}>
            重试
          </Button>
        </Alert>
      )}
      <div className="preview-body">
        <div className="preview-thumbs" aria-label="页面缩略图">
          {pdf &&
            Array.from({ length: pdf.numPages }, (_, i) => (
              <Thumbnail key={i} pdf={pdf} n={i + 1} active={current === i + 1} ready={drawn.has(i + 1)} onClick={() => goTo(i + 1)} />
            ))}
        </div>
        <div className="preview-pages" ref={scroller} onScroll={onScroll}>
          {pdf &&
            Array.from({ length: pdf.numPages }, (_, i) => (
              <PageView
                key={i}
                pdf={pdf}
                n={i + 1}
                scale={scale}
                hits={byPage.get(i + 1) ?? []}
                text={texts[i] ?? ''}
                onFigure={onFigure}
                ready={drawn.has(1)}
                queued={i + 1 <= upTo + 1}
                onDrawn={onDrawn}
              />
            ))}
          {!pdf && !error && (
            <Group gap="xs" className="preview-wait">
              <Loader size="sm" color="gray.3" />
              <Text size="sm" c="gray.3">
                正在生成预览…
              </Text>
            </Group>
          )}
        </div>
      </div>
    </div>
  );
}
