/**
 * Seeing an attachment without leaving the app: a small thumbnail (an image, or a PDF's first
 * page drawn by pdf.js) and a viewer (the image, or every page of the PDF). Bytes come from a
 * loader, so a saved file is fetched (and hash-checked by the core) only when it is shown; a
 * loader's failure — e.g. the stored file no longer matches — is shown in Chinese, never hidden.
 */
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { OwnedPdf } from '../lib/pdf-doc';
import { asApiError } from '../lib/api';
import { AppModal } from '../lib/modal';

export type BytesLoader = () => Promise<Uint8Array>;
type PreviewType = 'image' | 'pdf' | 'other';

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
};

const extOf = (name: string) => (name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '');

function previewType(name: string): PreviewType {
  const ext = extOf(name);
  return ext in IMAGE_TYPES ? 'image' : ext === 'pdf' ? 'pdf' : 'other';
}

/** Bytes → an object URL for an <img>, revoked when the component goes. */
function useImageUrl(bytes: Uint8Array | null, name: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!bytes) return;
    const u = URL.createObjectURL(new Blob([bytes as BlobPart], { type: IMAGE_TYPES[extOf(name)] ?? 'application/octet-stream' }));
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [bytes, name]);
  return url;
}

/** Runs the loader once per key; the error is the message the clerk reads. */
function useBytes(load: BytesLoader | null, key: string): { bytes: Uint8Array | null; error: string } {
  const [state, setState] = useState<{ bytes: Uint8Array | null; error: string }>({ bytes: null, error: '' });
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    setState({ bytes: null, error: '' });
    loadRef.current?.().then(
      (bytes) => live && setState({ bytes, error: '' }),
      (err) => live && setState({ bytes: null, error: asApiError(err).message }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}

const THUMB = 56;

/** A square thumbnail; files that cannot be drawn show their extension. Clicking opens the viewer. */
export function AttachmentThumb({
  name,
  load,
  id,
  onOpen,
  onProblem,
}: {
  name: string;
  load: BytesLoader;
  id: string;
  onOpen: () => void;
  onProblem?: (message: string) => void;
}) {
  const type = previewType(name);
  const { bytes, error } = useBytes(type === 'other' ? null : load, id);
  // A store problem (file changed or missing) is the row's to show, not only this square's tooltip.
  const reported = useRef(onProblem);
  reported.current = onProblem;
  useEffect(() => {
    if (error) reported.current?.(error);
  }, [error]);
  const url = useImageUrl(type === 'image' ? bytes : null, name);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [pdfError, setPdfError] = useState('');
  useEffect(() => {
    if (type !== 'pdf' || !bytes || !canvas.current) return;
    let doc: OwnedPdf | null = null;
    let live = true;
    OwnedPdf.open(bytes)
      .then(async (d) => {
        doc = d;
        if (!live) return void d.destroy();
        const page = await d.page(1);
        if (!page || !live || !canvas.current) return;
        const vp = page.getViewport({ scale: 1 });
        await d.draw(page, canvas.current, THUMB / Math.max(vp.width, vp.height)).done;
      })
      .catch(() => live && setPdfError('无法读取此PDF'));
    return () => {
      live = false;
      void doc?.destroy();
    };
  }, [type, bytes]);
  const problem = error || pdfError;
  return (
    <button
      type="button"
      className="att-thumb"
      onClick={onOpen}
      title={problem || `查看“${name}”`}
      aria-label={`查看${name}`}
      data-testid="attachment-thumb"
      data-state={problem ? 'error' : bytes || type === 'other' ? 'ready' : 'loading'}
    >
      {problem ? (
        <span className="att-thumb-bad" aria-hidden>
          !
        </span>
      ) : type === 'image' ? (
        url ? (
          <img src={url} alt="" />
        ) : (
          <Loader size={12} />
        )
      ) : type === 'pdf' ? (
        bytes ? (
          <canvas ref={canvas} />
        ) : (
          <Loader size={12} />
        )
      ) : (
        <span className="att-thumb-ext" aria-hidden>
          {extOf(name).slice(0, 4).toUpperCase() || '文件'}
        </span>
      )}
    </button>
  );
}

/** The viewer: an image fitted to the window, or the PDF's pages one under another. */
export function AttachmentViewer({
  name,
  load,
  id,
  onClose,
  onDownload,
}: {
  name: string;
  load: BytesLoader;
  id: string;
  onClose: () => void;
  onDownload?: () => void;
}) {
  const type = previewType(name);
  const { bytes, error } = useBytes(type === 'other' ? null : load, id);
  const url = useImageUrl(type === 'image' ? bytes : null, name);
  return (
    <AppModal opened onClose={onClose} title={name} size="min(1100px, 92vw)" yOffset="3vh" styles={{ title: { wordBreak: 'break-all' } }}>
      <div data-testid="attachment-viewer">
        {error ? (
          <Alert color="red" data-testid="viewer-error">
            {error}
          </Alert>
        ) : type === 'other' ? (
          <Text size="sm" c="dimmed" py="lg" ta="center">
            此类文件不能在应用内查看，请下载后用相应程序打开。
          </Text>
        ) : !bytes ? (
          <Center py={48}>
            <Loader size="sm" />
          </Center>
        ) : type === 'image' ? (
          url && <img className="att-viewer-img" src={url} alt={name} data-testid="viewer-image" />
        ) : (
          <PdfPages bytes={bytes} />
        )}
        {onDownload && !error && (
          <Group justify="flex-end" mt="sm">
            <Button size="xs" variant="default" onClick={onDownload}>
              下载
            </Button>
          </Group>
        )}
      </div>
    </AppModal>
  );
}

/** Pages are drawn at the viewer's width; very long files show their first pages and say so. */
const MAX_VIEWER_PAGES = 50;

function PdfPages({ bytes }: { bytes: Uint8Array }) {
  const [doc, setDoc] = useState<OwnedPdf | null>(null);
  const [error, setError] = useState('');
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    let opened: OwnedPdf | null = null;
    OwnedPdf.open(bytes).then(
      (d) => (live ? setDoc((opened = d)) : void d.destroy()),
      () => live && setError('无法读取此PDF文件，可下载后用其他程序打开'),
    );
    return () => {
      live = false;
      void opened?.destroy();
    };
  }, [bytes]);
  if (error) return <Alert color="red">{error}</Alert>;
  if (!doc)
    return (
      <Center py={48}>
        <Loader size="sm" />
      </Center>
    );
  const n = Math.min(doc.numPages, MAX_VIEWER_PAGES);
  return (
    <Stack gap="sm" ref={box} className="att-viewer-pages" data-testid="viewer-pdf" data-pages={doc.numPages}>
      {Array.from({ length: n }, (_, i) => (
        <PdfPage key={i} doc={doc} n={i + 1} />
      ))}
      {doc.numPages > n && (
        <Text size="sm" c="dimmed" ta="center">
          共 {doc.numPages} 页，此处显示前 {n} 页；请下载后查看全部。
        </Text>
      )}
    </Stack>
  );
}

function PdfPage({ doc, n }: { doc: OwnedPdf; n: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    let live = true;
    let cancel = () => {};
    void doc.page(n).then(async (page) => {
      if (!page || !live || !canvas.current) return;
      // Fit the scrolling box's width (less its padding and a scrollbar), at most a comfortable reading size.
      const width = (canvas.current.closest('.att-viewer-pages')?.clientWidth ?? 840) - 40;
      const job = doc.draw(page, canvas.current, Math.min(width, 900) / page.getViewport({ scale: 1 }).width);
      cancel = job.cancel;
      if ((await job.done) && live) setDrawn(true);
    });
    return () => {
      live = false;
      cancel();
    };
  }, [doc, n]);
  return (
    <div className="att-viewer-page" data-rendered={drawn ? 'true' : 'false'}>
      <canvas ref={canvas} aria-label={`第${n}页`} />
    </div>
  );
}
