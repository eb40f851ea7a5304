/**
 * The renderer's side of the host methods (electron/rules/host-contract.ts): inside Electron
 * through window.api (the same sender-checked IPC as every method), in a plain browser through
 * the harness's `POST /host/<name>`, whose files come back as raw bytes. Throws ApiError.
 */
import {
  hostPath,
  type DownloadedFile,
  type HostMethodName,
  type HostMethods,
  type PickedPath,
  type SavedReportFormat,
} from '@rules/host-contract';
import type { Result } from '../../electron/preload/contract';
import { ApiError } from './errors';
import { isDesktop } from './client';

type Out<K extends HostMethodName> = HostMethods[K]['output'];
type Answer = { value: unknown } | { file: DownloadedFile };

const fail = (code: 'NETWORK' | 'INTERNAL', message: string) => new ApiError({ code, message, issues: [] });

async function viaElectron<K extends HostMethodName>(name: K, input: HostMethods[K]['input']): Promise<Out<K>> {
  const fn = window.api![name] as (i: unknown) => Promise<Result>;
  const r = await fn(input);
  if (!r.ok) throw new ApiError(r.error);
  return r.value as Out<K>;
}

/** filename*=UTF-8''… of Content-Disposition, decoded. */
function fileNameOf(res: Response, fallback: string): string {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(res.headers.get('content-disposition') ?? '');
  try {
    return m ? decodeURIComponent(m[1]) : fallback;
  } catch {
    return fallback;
  }
}

async function viaHarness(name: HostMethodName, input: unknown): Promise<Answer> {
  const token = document.querySelector<HTMLMetaElement>('meta[name="harness-token"]')?.content ?? '';
  let res: Response;
  try {
    res = await fetch(hostPath(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-harness-token': token },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    throw fail('NETWORK', '无法连接到本地调试服务，请确认 npm run web 仍在运行');
  }
  const type = res.headers.get('content-type') ?? '';
  if (type.startsWith('application/json')) {
    const r = (await res.json()) as Result;
    if (!r.ok) throw new ApiError(r.error);
    return { value: r.value };
  }
  if (!res.ok) throw fail('INTERNAL', `本地调试服务出错（${res.status}）`);
  return { file: { fileName: fileNameOf(res, 'report'), mime: type, bytes: new Uint8Array(await res.arrayBuffer()) } };
}

/** The saved report of `year` as the PDF that prints: same pages, same breaks. */
export async function reportPdf(year: number): Promise<Uint8Array> {
  if (isDesktop()) return viaElectron('host.reportPdf', { year });
  const a = await viaHarness('host.reportPdf', { year });
  if ('file' in a) return a.file.bytes;
  throw fail('INTERNAL', '本地调试服务没有返回PDF');
}

/** The system print dialog (Electron only; the harness answers 浏览器版请下载PDF后打印). */
export async function printReport(year: number): Promise<Out<'host.printReport'>> {
  if (isDesktop()) return viaElectron('host.printReport', { year });
  const a = await viaHarness('host.printReport', { year });
  return ('value' in a ? a.value : { printed: false }) as Out<'host.printReport'>;
}

/** Electron: save dialog and file; browser: the file's bytes, for the caller to download. */
export async function saveReport(year: number, format: SavedReportFormat): Promise<Out<'host.saveReport'>> {
  if (isDesktop()) return viaElectron('host.saveReport', { year, format });
  const a = await viaHarness('host.saveReport', { year, format });
  return 'file' in a ? { canceled: false, download: a.file } : (a.value as Out<'host.saveReport'>);
}

/**
 * Electron: a folder dialog opening at `defaultPath`. The browser harness has no dialog: the page
 * offers a path box and passes its text here, and the harness's stand-in takes that as the pick.
 * Either way the answer is a path main (or the harness) granted, the only kind the core accepts.
 */
export async function pickFolder(defaultPath?: string): Promise<PickedPath> {
  const input = defaultPath ? { defaultPath } : {};
  if (isDesktop()) return viaElectron('host.pickFolder', input);
  return ((await viaHarness('host.pickFolder', input)) as { value: PickedPath }).value;
}

/** Electron: an open dialog filtered to .ftzb backup files; in the harness the typed path, as for pickFolder. */
export async function pickBackupFile(defaultPath?: string): Promise<PickedPath> {
  const input = defaultPath ? { defaultPath } : {};
  if (isDesktop()) return viaElectron('host.pickBackupFile', input);
  return ((await viaHarness('host.pickBackupFile', input)) as { value: PickedPath }).value;
}

/** The native pickers exist only in the desktop app. */
export const canPick = (): boolean => isDesktop();

export type { DownloadedFile, PickedPath, SavedReportFormat };
