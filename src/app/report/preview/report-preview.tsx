/**
 * 预览: the very PDF that prints, page by page (pdf.js on canvas), with page count, zoom and
 * thumbnails; refetched whenever what prints may have changed. Numbers that come from the ledger
 * are clickable; a notice says which 公文 faces this PC lacks and what replaces them.
 */
import { ActionIcon, Alert, Button, Group, Loader, Select, Text } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { asApiError } from '../../lib/api';
import { reportPdf } from '../../../api/host';
import type { ReportDocument } from '../types';
import { figureRuns, findFigureHits, type FigureHit, type TextItemLike } from './figure-hits';
import { FontNotice } from './font-notice';
import { openPdf, type PDFDocumentProxy } from '../../lib/pdf-doc';
import { PageView, Thumbnail } from './page-view';
import './preview.css';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2];

interface Props {
  year: number;
  /** The draft has edits the PDF does not show yet. */
  unsaved: boolean;
  /** Changes whenever what prints may have changed. */
  outputKey: string;
  /** The assembled document the PDF was made from (for clickable figures). */
  document: ReportDocument | null;
  onFigure(figureId: string): void;
  onPageCount(n: number | null): void;
}

export function ReportPreview({ year, unsaved, outputKey, document, onFigure, onPageCount }: Props) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [zoom, setZoom] = useState(1);
  const [current, setCurrent] = useState(1);
  const [hits, setHits] = useState<FigureHit[]>([]);
  const [reload, setReload] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let on = true;
    let opened: PDFDocumentProxy | null = null;
    setLoading(true);
    setError(null);
    reportPdf(year)
      .then(openPdf)
      .then(
        (d) => {
          opened = d;
          if (!on) return void d.loadingTask.destroy();
          setDoc(d);
          onPageCount(d.numPages);
        },
        (e) => on && setError(asApiError(e).message),
      )
      .finally(() => on && setLoading(false));
    return () => {
      on = false;
      if (opened) void opened.loadingTask.destroy();
    };
    // Refetch only when what prints changed (onPageCount is a state setter of the page).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [year, outputKey, reload]);

  useEffect(() => {
    if (!doc || !document) return setHits([]);
    let on = true;
    const pages = Array.from({ length: doc.numPages }, (_, i) =>
      doc
        .getPage(i + 1)
        .then((p) => p.getTextContent())
        .then((t) => t.items.filter((x): x is typeof x & TextItemLike => 'str' in x)),
    );
    Promise.all(pages).then(
      (items) => on && setHits(findFigureHits(items, figureRuns(document))),
      () => setHits([]), // no clickable figures, the pages still show
    );
    return () => {
      on = false;
    };
  }, [doc, document]);

  const byPage = useMemo(() => {
    const m = new Map<number, FigureHit[]>();
    for (const h of hits) m.set(h.page + 1, [...(m.get(h.page + 1) ?? []), h]);
    return m;
  }, [hits]);

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
    <div className="preview" data-testid="report-preview">
      <Group justify="space-between" className="preview-bar" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" data-testid="pdf-page-count">
            {doc ? `共${doc.numPages}页` : '　'}
          </Text>
          {doc && (
            <Text size="sm" c="dimmed">
              第{current}页
            </Text>
          )}
          {loading && <Loader size="xs" />}
          {unsaved ? (
            <Text size="sm" c="orange.8">
              显示的是上次保存的内容，保存后更新
            </Text>
          ) : (
            doc && (
              <Text size="xs" c="dimmed">
                点击正文中的数字可查看它来自哪些台账记录
              </Text>
            )
          )}
        </Group>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="default"
            aria-label="缩小"
            disabled={zoom <= ZOOMS[0]}
            onClick={() => setZoom(ZOOMS[Math.max(0, ZOOMS.indexOf(zoom) - 1)])}
          >
            −
          </ActionIcon>
          <Select
            size="xs"
            w={90}
            aria-label="缩放"
            value={String(zoom)}
            data={ZOOMS.map((z) => ({ value: String(z), label: `${Math.round(z * 100)}%` }))}
            onChange={(v) => v && setZoom(Number(v))}
          />
          <ActionIcon
            variant="default"
            aria-label="放大"
            disabled={zoom >= ZOOMS[ZOOMS.length - 1]}
            onClick={() => setZoom(ZOOMS[Math.min(ZOOMS.length - 1, ZOOMS.indexOf(zoom) + 1)])}
          >
            +
          </ActionIcon>
          <Button size="xs" variant="subtle" onClick={() => setReload((r) => r + 1)}>
            刷新
          </Button>
        </Group>
      </Group>
      <FontNotice />
      {error && (
        <Alert color="red" variant="light" title="无法生成预览">
          {error}
        </Alert>
      )}
      {doc && (
        <div className="preview-body">
          <div className="preview-thumbs" aria-label="页面缩略图">
            {Array.from({ length: doc.numPages }, (_, i) => (
              <Thumbnail key={i} doc={doc} n={i + 1} active={current === i + 1} onClick={() => goTo(i + 1)} />
            ))}
          </div>
          <div className="preview-pages" ref={scroller} onScroll={onScroll}>
            {Array.from({ length: doc.numPages }, (_, i) => (
              <PageView key={i} doc={doc} n={i + 1} zoom={zoom} hits={byPage.get(i + 1) ?? []} onFigure={onFigure} />
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
