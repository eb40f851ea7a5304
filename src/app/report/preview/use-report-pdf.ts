/**
 * The PDF the 预览 shows, owned by the report screen (not by the tab, which unmounts when the clerk
 * switches tabs): fetched once the preview has been opened, again only when what prints changed
 * (`printKey`: the assembled document), and kept across tab switches. A new document replaces the
 * old one on screen first; the old one is destroyed after (its owner refuses any late use).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { reportPdf } from '../../../api/host';
import { asApiError } from '../../lib/api';
import { OwnedPdf, preloadPdfJs } from '../../lib/pdf-doc';

export interface ReportPdf {
  pdf: OwnedPdf | null;
  /** Counts the documents shown so far: a new one means the pages are drawn anew. */
  generation: number;
  loading: boolean;
  error: string | null;
  retry(): void;
}

export function useReportPdf(year: number, printKey: string | null, wanted: boolean): ReportPdf {
  const [shown, setShown] = useState<{ pdf: OwnedPdf | null; generation: number }>({ pdf: null, generation: 0 });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [retries, setRetries] = useState(0);
  const current = useRef<OwnedPdf | null>(null);

  useEffect(() => {
    if (!wanted || printKey === null) return;
    let on = true;
    setLoading(true);
    setError(null);
    reportPdf(year)
      .then((bytes) => OwnedPdf.open(bytes))
      .then(
        (next) => {
          if (!on) return void next.destroy();
          const old = current.current;
          current.current = next;
          setShown((s) => ({ pdf: next, generation: s.generation + 1 }));
          void old?.destroy();
        },
        (e) => on && setError(asApiError(e).message),
      )
      .finally(() => on && setLoading(false));
    return () => {
      on = false;
    };
  }, [year, printKey, wanted, retries]);

  // pdf.js and its worker start when the report screen opens, not when the first PDF arrives.
  // Leaving the report screen frees the document.
  useEffect(() => {
    preloadPdfJs();
    return () => {
      void current.current?.destroy();
      current.current = null;
    };
  }, []);

  const retry = useCallback(() => setRetries((r) => r + 1), []);
  return { ...shown, loading, error, retry };
}
