/**
 * The report's host methods in Electron (electron/main/report-output.ts), against a stubbed
 * `electron`: a hidden, sandboxed window with no preload loads the report HTML, fonts are awaited
 * before printToPDF (A4, CSS page size, backgrounds), and the window is kept for the next document
 * (a failed one is not); print() gets the dialog, A4 and no printer margins, in a window of its own
 * that outlives the callback; 导出 goes through the save dialog; every
 * method is sender-checked and its payload validated.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

class FakePrintContents {
  scripts: string[] = [];
  pdfOptions: unknown[] = [];
  printOptions: unknown[] = [];
  printCallback: ((ok: boolean, reason: string) => void) | null = null;
  listeners = new Map<string, unknown>();
  on() {
    return this;
  }
  setWindowOpenHandler() {}
  /** What the page answers to the 版记 placement script (a real page returns an ImprintFit or null). */
  static imprintAnswer: unknown = null;
  executeJavaScript = vi.fn(async (code: string) => {
    this.scripts.push(code);
    return code.includes('.imprint') ? FakePrintContents.imprintAnswer : true;
  });
  /** While set, printToPDF waits for it: jobs held in the middle of printing. */
  static gate: Promise<void> | null = null;
  printToPDF = vi.fn(async (opts: unknown) => {
    this.pdfOptions.push(opts);
    await FakePrintContents.gate;
    return Buffer.from('%PDF-1.7 stub');
  });
  print = vi.fn((opts: unknown, cb: (ok: boolean, reason: string) => void) => {
    this.printOptions.push(opts);
    this.printCallback = cb;
  });
  isCrashed() {
    return false;
  }
}

vi.mock('electron', async () => {
  const stub = await import('./support/electron-stub');
  class PrintWindow {
    static instances: PrintWindow[] = [];
    webContents = new FakePrintContents();
    loadedUrl: string | null = null;
    /** What the page shows: read from the URL when it loads, as Chromium would. */
    loadedHtml: string | null = null;
    /** Every document loaded, in order (a kept window serves several). */
    loads: string[] = [];
    destroyed = false;
    constructor(readonly options: Record<string, any>) {
      PrintWindow.instances.push(this);
    }
    async loadURL(url: string) {
      this.loadedUrl = url;
      const { fileURLToPath } = await import('node:url');
      const fsm = await import('node:fs');
      this.loadedHtml = url.startsWith('file:') ? fsm.readFileSync(fileURLToPath(url), 'utf8') : null;
      if (this.loadedHtml !== null) this.loads.push(this.loadedHtml);
    }
    destroy() {
      this.destroyed = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
  }
  return { ...stub, BrowserWindow: PrintWindow, default: { ...stub.default, BrowserWindow: PrintWindow } };
});

import { BrowserWindow } from 'electron';
import { dialog, ipcMain } from './support/electron-stub';
import { callApi, type LedgerContext } from '@core/api';
import { importLedger } from '@core/ledger/exchange';
import {
  bindReportOutput,
  closePrintWindows,
  electronPdfPrinter,
  printReport,
  reportPdf,
  saveReport,
} from '../../electron/main/report-output';
import { printPages } from '@core/render/print-pages';
import type { DialogDeps } from '../../electron/main/dialog-deps';
import { createTrust } from '../../electron/main/origin';
import { removeTempDirs } from './support/temp';
import { getReportSpec, saveReportSpec } from '@core/report/store';
import { loadDocx } from '../render-docx/docx-parts';
import { freshDialogEnv } from './support/dialog-env';

type Win = {
  options: Record<string, any>;
  loadedUrl: string | null;
  loadedHtml: string | null;
  loads: string[];
  destroyed: boolean;
  webContents: FakePrintContents;
};
const windows = () => (BrowserWindow as unknown as { instances: Win[] }).instances;

const FIXTURE = path.resolve(__dirname, '../fixtures/shuangtu-2023.json');
let dir: string;
let ctx: LedgerContext;
let deps: DialogDeps;

beforeEach(() => {
  ({ dir, ctx, deps } = freshDialogEnv());
  // Each test starts with no kept print window (the shell does the same when the app window closes).
  closePrintWindows();
  windows().length = 0;
  importLedger(ctx.db, fs.readFileSync(FIXTURE, 'utf8'));
  return () => ctx.close();
});
afterAll(removeTempDirs);

const staleness = async () =>
  ((await callApi(ctx, 'report.staleness', { year: 2023 })) as { ok: true; value: { output: { format: string } | null } }).value;

describe('host.reportPdf', () => {
  it('prints the report HTML to PDF in a hidden, sandboxed window after its fonts load, and keeps the window for the next document', async () => {
    const pdf = await reportPdf(deps, { year: 2023 });
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 stub');
    const [win] = windows();
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(win.options.webPreferences.preload).toBeUndefined();
    const html = win.loadedHtml!;
    expect(html).toContain('关于2023年法治政府建设情况的报告');
    expect(html).toContain('data-figure-id="meeting.party.count"');
    expect(win.webContents.scripts[0]).toContain('document.fonts.ready');
    expect(win.webContents.printToPDF).toHaveBeenCalledAfter(win.webContents.executeJavaScript);
    expect(win.webContents.pdfOptions[0]).toMatchObject({
      pageSize: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: false,
    });
    expect(win.destroyed).toBe(false);
    // The next document is printed in the same window (its renderer process has the faces loaded).
    await electronPdfPrinter('<p>下一份</p>');
    expect(windows()).toHaveLength(1);
    expect(win.loads.at(-1)).toBe('<p>下一份</p>');
    expect(win.webContents.printToPDF).toHaveBeenCalledTimes(2);
    closePrintWindows();
    expect(win.destroyed).toBe(true);
  });
});

describe('hidden print windows', () => {
  it('are open at most printPages() at once: a dozen documents queued together (the 档案袋) wait their turn, then reuse them', async () => {
    let release!: () => void;
    FakePrintContents.gate = new Promise((r) => (release = r));
    try {
      const jobs = Array.from({ length: 6 }, (_, i) => electronPdfPrinter(`<p>第${i + 1}份</p>`));
      await vi.waitFor(() => expect(windows().filter((w) => w.webContents.printToPDF.mock.calls.length)).toHaveLength(printPages()));
      // Every open window is held inside printToPDF: the others cannot have started, however long we wait.
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
      expect(windows()).toHaveLength(printPages());
      release();
      const pdfs = await Promise.all(jobs);
      expect(pdfs.map((p) => Buffer.from(p).toString())).toEqual(Array(6).fill('%PDF-1.7 stub'));
      // The other four were printed in the same windows, once these were free again.
      expect(windows()).toHaveLength(printPages());
      expect(
        windows()
          .flatMap((w) => w.loads)
          .sort(),
      ).toEqual(Array.from({ length: 6 }, (_, i) => `<p>第${i + 1}份</p>`).sort());
      expect(windows().some((w) => w.destroyed)).toBe(false);
    } finally {
      FakePrintContents.gate = null;
      release();
    }
  });
});

describe('the report reaches the window from a file', () => {
  it('loads a short file:// URL whatever the report size (a data: URL fails past 2 MB), and removes the file', async () => {
    await reportPdf(deps, { year: 2023 });
    const [win] = windows();
    expect(win.loadedUrl).toMatch(/^file:\/\/.*\.html$/);
    expect(win.loadedUrl!.length).toBeLessThan(1000);
    expect(win.loadedHtml).toContain('关于2023年法治政府建设情况的报告');
    expect(fs.existsSync(fileURLToPath(win.loadedUrl!))).toBe(false);
  });

  it('removes the file when loading fails too', async () => {
    const proto = (BrowserWindow as unknown as { prototype: { loadURL(url: string): Promise<void> } }).prototype;
    const spy = vi.spyOn(proto, 'loadURL').mockImplementationOnce(async function (this: Win, url: string) {
      this.loadedUrl = url;
      throw new Error('ERR_FAILED');
    });
    await expect(reportPdf(deps, { year: 2023 })).rejects.toThrow('ERR_FAILED');
    spy.mockRestore();
    const [win] = windows();
    expect(fs.existsSync(fileURLToPath(win.loadedUrl!))).toBe(false);
    expect(win.destroyed).toBe(true);
  });
});

describe('host.printReport', () => {
  it('opens the print dialog (A4, backgrounds, no printer margins, two-sided on the long edge), keeps the window until after the callback, records the print', async () => {
    vi.useFakeTimers();
    try {
      const done = printReport(deps, { year: 2023 });
      await vi.waitFor(() => expect(windows()[0]?.webContents.printCallback).toBeTruthy(), { timeout: 60_000 });
      const [win] = windows();
      expect(win.webContents.printOptions[0]).toEqual({
        silent: false,
        printBackground: true,
        pageSize: 'A4',
        margins: { marginType: 'none' },
        duplexMode: 'longEdge',
      });
      expect(win.destroyed).toBe(false);
      win.webContents.printCallback!(true, '');
      expect(await done).toEqual({ printed: true });
      expect(win.destroyed).toBe(false);
      vi.advanceTimersByTime(2500);
      expect(win.destroyed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    expect((await staleness()).output?.format).toBe('print');
  });

  it('answers printed: false when the clerk cancels, and a Chinese error when there is no printer', async () => {
    const cancelled = printReport(deps, { year: 2023 });
    await vi.waitFor(() => expect(windows()[0]?.webContents.printCallback).toBeTruthy(), { timeout: 60_000 });
    windows()[0].webContents.printCallback!(false, 'cancelled');
    expect(await cancelled).toEqual({ printed: false });
    expect((await staleness()).output).toBeNull();

    const failed = printReport(deps, { year: 2023 });
    await vi.waitFor(() => expect(windows()[1]?.webContents.printCallback).toBeTruthy(), { timeout: 60_000 });
    windows()[1].webContents.printCallback!(false, 'no valid printers available');
    await expect(failed).rejects.toThrow('本机没有可用的打印机');
  });
});

describe('host.saveReport', () => {
  it('does nothing when the clerk cancels the save dialog', async () => {
    expect(await saveReport(deps, { year: 2023, format: 'docx' })).toEqual({ canceled: true });
    const opts = dialog.showSaveDialog.mock.calls[0][0] as { defaultPath: string; filters: unknown };
    expect(path.basename(opts.defaultPath)).toBe('关于2023年法治政府建设情况的报告.docx');
    expect(opts.filters).toEqual([{ name: 'Word 文档', extensions: ['docx'] }]);
  });

  it('writes the Word file where the clerk chose, and the PDF through printToPDF', async () => {
    const docx = path.join(dir, '报告.docx');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: docx });
    expect(await saveReport(deps, { year: 2023, format: 'docx' })).toEqual({ canceled: false, file: docx });
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');

    const typed = path.join(dir, '报告（打印稿）');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: typed });
    expect(await saveReport(deps, { year: 2023, format: 'pdf' })).toEqual({ canceled: false, file: `${typed}.pdf` });
    expect(fs.readFileSync(`${typed}.pdf`, 'utf8')).toBe('%PDF-1.7 stub');
    expect((await staleness()).output?.format).toBe('pdf');
  });
});

describe('the Word file follows the pages: its 版记 where the hidden window put it', () => {
  beforeEach(() => {
    const { spec } = getReportSpec(ctx.db, 2023);
    saveReportSpec(ctx.db, 2023, {
      ...spec,
      settings: { ...spec.settings, imprint: true, issuer: '双土镇党政办公室', issueDate: '2024-01-15' },
    });
    return () => {
      FakePrintContents.imprintAnswer = null;
    };
  });

  const exportDocx = async () => {
    const file = path.join(dir, `报告-${windows().length}.docx`);
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: file });
    await saveReport(deps, { year: 2023, format: 'docx' });
    return (await loadDocx(fs.readFileSync(file))).document;
  };

  it('alone after a blank page: a section of its own opened by a blank page; the layout window is kept', async () => {
    FakePrintContents.imprintAnswer = { placement: 'alone', page: 6, blankPages: 1, gapPx: 700 };
    const xml = await exportDocx();
    expect(xml.match(/<w:sectPr/g)).toHaveLength(2);
    expect(xml).toMatch(/<w:br w:type="page"\/>/);
    expect(
      windows()
        .at(-1)!
        .webContents.scripts.some((s) => s.includes('.imprint')),
    ).toBe(true);
    expect(windows().some((w) => w.destroyed)).toBe(false);
  });

  it('shared, or an answer that is not a placement: the 版记 stays under the text, one section', async () => {
    for (const answer of [{ placement: 'shared', page: 4, blankPages: 0, gapPx: 80 }, { placement: 'elsewhere', blankPages: 7 }, 'x']) {
      FakePrintContents.imprintAnswer = answer;
      const xml = await exportDocx();
      expect(xml.match(/<w:sectPr/g), JSON.stringify(answer)).toHaveLength(1);
      expect(xml).toContain('抄送');
    }
  });
});

describe('binding', () => {
  const ours = { senderFrame: { url: 'app://fazhi/index.html', parent: null } };
  const invoke = (name: string, event: unknown, payload: unknown) => ipcMain.handlers.get(`api:${name}`)!(event, payload) as Promise<any>;

  it('binds the three host methods behind the sender check, validating their payloads', async () => {
    expect(bindReportOutput(ipcMain, createTrust(), deps)).toEqual(['host.reportPdf', 'host.printReport', 'host.saveReport']);
    expect(await invoke('host.reportPdf', { senderFrame: { url: 'https://evil.example/', parent: null } }, { year: 2023 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(windows()).toHaveLength(0);
    const bad = await invoke('host.saveReport', ours, { year: 2023, format: 'exe' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请求参数不正确' } });
    expect(bad.error.issues[0].field).toBe('format');
    const ok = await invoke('host.reportPdf', ours, { year: 2023 });
    expect(ok.ok).toBe(true);
    expect(Buffer.from(ok.value).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
