/**
 * Host methods: what the screens need from whichever host runs them, because it differs per
 * host — the report as PDF bytes for the preview, printing, saving a file, and the folder and
 * backup-file pickers of 备份与恢复. Electron implements them in electron/main/report-output.ts
 * and electron/main/pickers.ts (bound like every method, `api:<name>`), the browser harness in
 * electron/harness/report-output.ts (`POST /host/<short name>`; a browser has no native picker, so the
 * harness's stand-ins grant the path the clerk typed into the page's path box, electron/harness/server.ts).
 * Types and plain name lists only: the sandboxed preload bundles this file and the screens import
 * the names (which methods the browser harness cannot run), so it lives in the pure layer.
 */
export const HOST_METHOD_NAMES = [
  'host.reportPdf',
  'host.printReport',
  'host.saveReport',
  'host.pickFolder',
  'host.pickBackupFile',
] as const;
export type HostMethodName = (typeof HOST_METHOD_NAMES)[number];

/** Methods only the Electron main process can run (native dialogs; the report's host methods). */
export const MAIN_METHOD_NAMES = ['file.exportLedger', 'file.importLedger', ...HOST_METHOD_NAMES] as const;
export type MainMethodName = (typeof MAIN_METHOD_NAMES)[number];

export type SavedReportFormat = 'pdf' | 'docx';

/** A file the harness hands back for the page to download (the browser has no save dialog here). */
export interface DownloadedFile {
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

export interface HostMethods {
  /** The saved report of `year` printed to PDF exactly as 打印 and 导出PDF will produce it. */
  'host.reportPdf': { input: { year: number }; output: Uint8Array };
  /** The system print dialog on the same pipeline (A4, no scaling, no browser headers). */
  'host.printReport': { input: { year: number }; output: { printed: boolean } };
  /** Electron: a save dialog, then the file written; harness: the bytes, to download. */
  'host.saveReport': {
    input: { year: number; format: SavedReportFormat };
    output: { canceled: true } | { canceled: false; file: string } | { canceled: false; download: DownloadedFile };
  };
  /** A folder dialog (where to write a backup); `defaultPath` is where it opens (the harness: the typed path). */
  'host.pickFolder': { input: { defaultPath?: string }; output: PickedPath };
  /** An open dialog filtered to backup files (.ftzb). */
  'host.pickBackupFile': { input: { defaultPath?: string }; output: PickedPath };
}

export type PickedPath = { canceled: true } | { canceled: false; path: string };

/** Path of a host method on the harness: host.reportPdf → /host/reportPdf. */
export const hostPath = (name: HostMethodName): string => `/host/${name.slice('host.'.length)}`;
