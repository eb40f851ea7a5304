/**
 * 年度报告 for the working year: 正文 (outline with figure chips), 发文设置 and 预览 (the PDF that
 * prints), with the problems of the saved report beside the editor, the records behind any
 * figure in a drawer, and a warning when the ledger changed after the last print.
 */
import { Alert, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { ConfirmModal } from '../lib/modal';
import { asApiError } from '../lib/api';
import { useLedger } from '../state/ledger';
import { useToast } from '../state/toast';
import { useUnsavedGuard } from '../state/unsaved-guard';
import { OutlineEditor } from './outline/outline-editor';
import { ProblemsPanel, type ProblemFix } from './problems-panel';
import { ReportPreview } from './preview/report-preview';
import { PreviewBoundary } from './preview/preview-boundary';
import { useReportPdf } from './preview/use-report-pdf';
import { ReportHeader } from './report-header';
import { describeSaveError, settingsErrors } from './save-errors';
import { SettingsForm } from './settings-form';
import { exportSources } from './sources-export';
import { dropFigure, applyZeroWording } from './clause-fix';
import { StalenessBanner } from './staleness-banner';
import { TraceDrawer, type TraceRequest } from './trace-drawer';
import type { Problem } from './types';
import { useReport } from './use-report';
import { useReportOutput } from './use-report-output';
import './report.css';

type Tab = 'text' | 'settings' | 'preview';

/** Scrolls to a section, paragraph or the settings form and flashes it. */
function flashAnchor(anchor: string): void {
  const el = document.querySelector<HTMLElement>(`[data-anchor="${CSS.escape(anchor)}"]`);
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.classList.remove('flash');
  void el.offsetWidth;
  el.classList.add('flash');
  window.setTimeout(() => el.classList.remove('flash'), 2400);
}

export function ReportPage() {
  const m = useReport();
  const { settings } = useLedger();
  const toast = useToast();
  const out = useReportOutput(m);
  const [tab, setTab] = useState<Tab>('text');
  const [trace, setTrace] = useState<TraceRequest | null>(null);
  // The PDF is fetched once the 预览 has been opened, then follows every change of what prints.
  const [previewed, setPreviewed] = useState(false);
  if (tab === 'preview' && !previewed) setPreviewed(true);
  const file = useReportPdf(m.year, m.printKey, previewed);
  const pages = file.pdf?.numPages ?? null;
  const [askReset, setAskReset] = useState(false);
  const [fixing, setFixing] = useState(false);
  useUnsavedGuard(m.dirty, '年度报告有修改尚未保存，确定离开吗？');

  useEffect(() => {
    window.addEventListener('focus', m.refresh);
    return () => window.removeEventListener('focus', m.refresh);
  }, [m.refresh]);

  const openTrace = useCallback((figureId: string, sinceYear?: number, manual?: string) => setTrace({ figureId, sinceYear, manual }), []);

  const locate = (anchor: string) => {
    setTab(anchor === 'settings' ? 'settings' : 'text');
    window.setTimeout(() => flashAnchor(anchor), 60);
  };

  // A one-click fix edits the draft (unsaved edits included) and saves it, so the problems are checked again.
  const fix = async (p: Problem, how: ProblemFix) => {
    if (!m.draft || !p.anchor || !p.figureId) return;
    const next =
      how === 'zero'
        ? p.suggestion && applyZeroWording(m.draft, p.anchor, p.figureId, p.suggestion)
        : p.drop && dropFigure(m.draft, p.anchor, p.figureId, p.drop);
    if (!next) return;
    setFixing(true);
    if (await m.save(next))
      toast(how === 'zero' ? `已改为“${p.suggestion}”并保存` : `已删去${p.drop === 'item' ? '该比率' : '该表述'}并保存`);
    setFixing(false);
  };

  // Also Ctrl+S: the shell's shortcut clicks the header's 保存 (shell/shortcuts.ts).
  const save = async () => {
    if (await m.save()) toast('报告已保存');
  };

  const sources = (format: 'csv' | 'json') =>
    exportSources(m.year, format).then(
      (name) => toast(`已下载：${name}`),
      (e) => toast(asApiError(e).message, 'error'),
    );

  if (m.loadError && !m.draft)
    return (
      <Alert color="red" title="无法打开年度报告">
        {m.loadError}
      </Alert>
    );
  if (!m.draft || !m.saved) {
    return (
      <Group gap="xs" p="md">
        <Loader size="sm" />
        <Text c="dimmed">正在读取{m.year}年度报告…</Text>
      </Group>
    );
  }
  const draft = m.draft;
  const problems = (
    <ProblemsPanel
      problems={m.assembled?.problems ?? null}
      stale={m.dirty}
      onLocate={locate}
      onFix={(p, how) => void fix(p, how)}
      fixing={fixing}
    />
  );

  return (
    <Stack gap="xs" data-testid="report-page">
      <ReportHeader
        m={m}
        onSave={() => void save()}
        busy={out.busy}
        onOutput={(k) => void out.start(k)}
        onRevert={() => m.setDraft(() => m.saved!.spec)}
        onReset={() => setAskReset(true)}
        onSources={(f) => void sources(f)}
      />
      {m.saveError && (
        <Alert color="red" variant="light" title={`保存失败：${m.saveError.message}`} data-testid="report-save-error">
          {describeSaveError(m.saveError).map((line, i) => (
            <div key={i}>{line}</div>
          ))}
        </Alert>
      )}
      <StalenessBanner staleness={m.staleness} />
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="text">正文</Tabs.Tab>
          <Tabs.Tab value="settings">发文设置</Tabs.Tab>
          <Tabs.Tab value="preview">预览{pages ? `（${pages}页）` : ''}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="text">
          <div className="report-grid">
            <OutlineEditor
              spec={draft}
              setDraft={m.setDraft}
              year={m.year}
              town={settings.town}
              info={m.info}
              catalogue={m.catalogue}
              openTrace={openTrace}
            />
            <aside className="report-aside">{problems}</aside>
          </div>
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <div className="report-grid">
            <SettingsForm
              value={draft.settings}
              onChange={(patch) => m.setDraft((s) => ({ ...s, settings: { ...s.settings, ...patch } }))}
              ledgerSettings={settings}
              year={m.year}
              errors={settingsErrors(m.saveError)}
            />
            <aside className="report-aside">{problems}</aside>
          </div>
        </Tabs.Panel>
        <Tabs.Panel value="preview">
          <PreviewBoundary onRetry={file.retry}>
            <ReportPreview unsaved={m.dirty} file={file} document={m.assembled?.document ?? null} onFigure={openTrace} />
          </PreviewBoundary>
        </Tabs.Panel>
      </Tabs>
      <TraceDrawer request={trace} year={m.year} defs={m.info.defs} values={m.info.values} onClose={() => setTrace(null)} />
      <ReportConfirms m={m} out={out} askReset={askReset} setAskReset={setAskReset} />
    </Stack>
  );
}

/** 恢复默认提纲, and 导出 / 打印 while problems that must be handled remain: both asked first. */
function ReportConfirms({
  m,
  out,
  askReset,
  setAskReset,
}: {
  m: ReturnType<typeof useReport>;
  out: ReturnType<typeof useReportOutput>;
  askReset: boolean;
  setAskReset(v: boolean): void;
}) {
  const toast = useToast();
  return (
    <>
      <ConfirmModal
        opened={askReset}
        title="恢复默认提纲"
        confirmLabel="恢复默认"
        onClose={() => setAskReset(false)}
        onConfirm={() => {
          setAskReset(false);
          m.reset().then(
            () => toast('已恢复默认提纲'),
            (e) => toast(asApiError(e).message, 'error'),
          );
        }}
      >
        {m.year}年度报告的正文和发文设置将恢复为{m.saved?.source === 'saved' ? '默认提纲（或上一年度的报告）' : '默认提纲'}
        ，本年度已保存的修改会丢失。确定吗？
      </ConfirmModal>
      <ConfirmModal
        opened={!!out.pending}
        title={`${out.pending ? out.label[out.pending.kind] : ''}前请注意`}
        confirmLabel={`仍要${out.pending ? out.label[out.pending.kind] : ''}`}
        onClose={out.cancel}
        onConfirm={() => void out.confirm()}
      >
        报告还有{out.pending?.blocking.length ?? 0}个必须处理的问题：
        <ul className="confirm-list">
          {out.pending?.blocking.slice(0, 5).map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      </ConfirmModal>
    </>
  );
}
