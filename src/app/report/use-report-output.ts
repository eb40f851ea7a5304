/**
 * 打印, 导出PDF, 导出Word from the report screens: unsaved edits are saved first, blocking problems
 * are confirmed, then the host prints or writes the file (the browser harness hands the file back
 * to download), and the staleness record starts over.
 */
import { useState } from 'react';
import { printReport, saveReport, type SavedReportFormat } from '../../api/host';
import { asApiError, call } from '../lib/api';
import { useToast } from '../state/toast';
import { downloadBytes } from '../lib/download';
import type { Problem } from './types';
import type { ReportModel } from './use-report';

export type OutputKind = 'print' | SavedReportFormat;

const LABEL: Record<OutputKind, string> = { print: '打印', pdf: '导出PDF', docx: '导出Word' };

interface PendingOutput {
  kind: OutputKind;
  blocking: Problem[];
}

export function useReportOutput(m: ReportModel) {
  const toast = useToast();
  const [busy, setBusy] = useState<OutputKind | null>(null);
  const [pending, setPending] = useState<PendingOutput | null>(null);

  const run = async (kind: OutputKind) => {
    setPending(null);
    setBusy(kind);
    try {
      if (kind === 'print') {
        const r = await printReport(m.year);
        if (r.printed) toast('已交给打印机');
      } else {
        const r = await saveReport(m.year, kind);
        if (r.canceled) return;
        if ('download' in r) {
          downloadBytes(r.download.fileName, r.download.mime, r.download.bytes);
          toast(`已下载：${r.download.fileName}`);
        } else toast(`已${LABEL[kind]}：${r.file}`);
      }
      m.outputRecorded();
    } catch (err) {
      toast(`${LABEL[kind]}失败：${asApiError(err).message}`, 'error');
    } finally {
      setBusy(null);
    }
  };

  /** Saves unsaved edits, then asks about blocking problems before printing or exporting. */
  const start = async (kind: OutputKind) => {
    if (m.dirty && !(await m.save())) {
      toast('报告未能保存，请先处理保存时提示的问题', 'error');
      return;
    }
    try {
      const { problems } = (await call('report.assemble', { year: m.year })) as { problems: Problem[] };
      const blocking = problems.filter((p) => p.severity === 'blocking');
      if (blocking.length) return setPending({ kind, blocking });
    } catch (err) {
      return toast(asApiError(err).message, 'error');
    }
    await run(kind);
  };

  return { busy, pending, start, confirm: () => pending && run(pending.kind), cancel: () => setPending(null), label: LABEL };
}
