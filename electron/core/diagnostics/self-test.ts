/**
 * `--self-test` (the installed exe) and `cli self-test`: the checks of 关于与诊断 without a window,
 * plus a sample year's report printed to PDF in a temp folder through the shell's printer
 * (Electron's printToPDF, or headless Chromium in Node). Each check passes or fails with a Chinese
 * reason; the run passes only when every check does. The clerk's ledger is opened read-only and
 * never changed; the sample ledger lives and dies in the temp folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatBytes } from '@rules/limits';
import { diagnosticsRows, integrityOk, integrityProblems, isUnknown, MIN_FREE_BYTES, type Diagnostics } from '@rules/diagnostics';
import { toErrorPayload } from '@rules/errors';
import { APP_VERSION, type LedgerContext } from '../context';
import { openContext } from '../api/open-context';
import { importLedger, readExchangeFile } from '../ledger/exchange';
import { ledgerYears } from '../ledger/query';
import { exportReport } from '../report/export';
import type { PdfPrinter } from '../render/pdf';
import { ioReason } from '../fs/io-reason';
import { sqliteFailure } from '../db/open';
import { openSqlite } from '../db/sqlite';
import { collectDiagnostics, versionsOf, type DiagnosticsHost } from './collect';

interface SelfTestCheck {
  name: string;
  ok: boolean;
  detail: string;
}

interface SelfTestResult {
  ok: boolean;
  checks: SelfTestCheck[];
}

export interface SelfTestOptions {
  /** The clerk's ledger (opened read-only); a missing file is a fresh install, not a failure. */
  ledgerFile: string;
  /** An exchange file with at least one year of records: the sample report is built from it. */
  sampleFile: string;
  printPdf: PdfPrinter;
  host: DiagnosticsHost;
  /** Where the sample ledger and its PDF are made; the system temp folder by default. */
  tempRoot?: string;
  /** Less free space than this beside the ledger fails the run (saves and backups need room). */
  minFreeBytes?: number;
}

const pass = (name: string, detail: string): SelfTestCheck => ({ name, ok: true, detail });
const fail = (name: string, detail: string): SelfTestCheck => ({ name, ok: false, detail });
/** SQLite's and the OS's failures in the clerk's words, never their English. */
const reason = (err: unknown) => toErrorPayload(sqliteFailure(err) ?? err).message;

/** Pages of a PDF, counted from its page objects (Chromium writes one `/Type /Page` per page). */
export function pdfPageCount(bytes: Uint8Array): number {
  return (
    Buffer.from(bytes)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0
  );
}

function versionsCheck(host: DiagnosticsHost): SelfTestCheck {
  // The addon this process chose (Electron's in the app), like every connection of the core.
  const db = openSqlite(':memory:');
  try {
    const v = versionsOf(db, host, APP_VERSION);
    return pass(
      '软件版本',
      `法治台账 ${v.app}，Electron ${v.electron ?? '—'}，Chromium ${v.chromium ?? '—'}，Node.js ${v.node}，SQLite ${v.sqlite}，better-sqlite3 ${v.betterSqlite3}，${v.os}`,
    );
  } finally {
    db.close();
  }
}

/** The clerk's ledger: opens, integrity_check, schema version, free space; then printers and drives as found. */
async function ledgerChecks(o: SelfTestOptions): Promise<SelfTestCheck[]> {
  if (!fs.existsSync(o.ledgerFile)) return [pass('台账文件', `尚未创建（首次启动时创建）：${o.ledgerFile}`)];
  let ctx: LedgerContext;
  try {
    ctx = openContext(o.ledgerFile, { readonly: true });
  } catch (err) {
    return [fail('台账文件', `无法打开：${reason(err)}`)];
  }
  let d: Diagnostics;
  try {
    d = await collectDiagnostics(ctx, o.host, { withIntegrity: true });
  } catch (err) {
    return [fail('台账文件', `无法读取：${reason(err)}`)];
  } finally {
    ctx.close();
  }
  const l = d.ledger;
  const min = o.minFreeBytes ?? MIN_FREE_BYTES;
  const rows = new Map(diagnosticsRows(d).flatMap((g) => g.rows.map((r) => [r.label, r.value])));
  return [
    pass('台账文件', `${l.path}（${formatBytes(l.sizeBytes)}）`),
    integrityOk(d)
      ? pass('完整性检查', '通过（ok）')
      : fail('完整性检查', `台账文件已损坏（${integrityProblems(l.integrity ?? [], 3)}），请从备份恢复`),
    l.schemaVersion <= l.expectedSchemaVersion
      ? pass(
          '数据结构版本',
          l.schemaVersion === l.expectedSchemaVersion
            ? String(l.schemaVersion)
            : `${l.schemaVersion}，下次启动时升级到 ${l.expectedSchemaVersion}`,
        )
      : fail('数据结构版本', `${l.schemaVersion}，比本程序（${l.expectedSchemaVersion}）新，请升级程序`),
    isUnknown(d.disk)
      ? fail('磁盘空间', d.disk.error)
      : d.disk.freeBytes >= min
        ? pass('磁盘空间', `台账所在磁盘可用 ${formatBytes(d.disk.freeBytes)}`)
        : fail('磁盘空间', `台账所在磁盘只剩 ${formatBytes(d.disk.freeBytes)}（至少需要 ${formatBytes(min)}），请清理磁盘`),
    pass('上次备份', rows.get('上次备份') ?? ''),
    pass('打印机', rows.get('打印机') ?? ''),
    pass('U盘', rows.get('U盘') ?? ''),
  ];
}

function logCheck(host: DiagnosticsHost): SelfTestCheck {
  if (!host.logFile) return pass('日志文件', '未记录日志');
  try {
    fs.mkdirSync(path.dirname(host.logFile), { recursive: true });
    fs.appendFileSync(host.logFile, '');
    return pass('日志文件', host.logFile);
  } catch (err) {
    return fail('日志文件', `无法写入“${host.logFile}”：${ioReason(err)}`);
  }
}

/** The sample year's report, printed to PDF by the shell's printer, in a temp folder removed afterwards. */
async function reportCheck(o: SelfTestOptions): Promise<SelfTestCheck[]> {
  const root = o.tempRoot ?? os.tmpdir();
  let dir: string;
  try {
    dir = fs.mkdtempSync(path.join(root, 'fazhi-self-test-'));
  } catch (err) {
    return [fail('临时文件夹', `无法在“${root}”中建立临时文件夹：${ioReason(err)}`), fail('报告PDF', '未生成：临时文件夹不可写')];
  }
  const checks = [pass('临时文件夹', root)];
  let ctx: LedgerContext | null = null;
  try {
    ctx = openContext(path.join(dir, 'sample.db'));
    importLedger(ctx.db, readExchangeFile(o.sampleFile));
    const year = ledgerYears(ctx.db)[0];
    if (year === undefined) return [...checks, fail('报告PDF', `示例台账“${o.sampleFile}”中没有记录`)];
    const out = path.join(dir, `${year}.pdf`);
    await exportReport(ctx, year, out, o.printPdf);
    const bytes = fs.readFileSync(out);
    const pages = pdfPageCount(bytes);
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-' || pages === 0)
      return [...checks, fail('报告PDF', `生成的文件不是有效的PDF（${formatBytes(bytes.length)}）`)];
    return [...checks, pass('报告PDF', `示例台账${year}年报告，${pages}页，${formatBytes(bytes.length)}`)];
  } catch (err) {
    return [...checks, fail('报告PDF', `未能生成：${reason(err)}`)];
  } finally {
    ctx?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function runSelfTest(o: SelfTestOptions): Promise<SelfTestResult> {
  const checks = [versionsCheck(o.host), ...(await ledgerChecks(o)), logCheck(o.host), ...(await reportCheck(o))];
  return { ok: checks.every((c) => c.ok), checks };
}

/** One line per check, then the verdict. */
export function selfTestText(r: SelfTestResult): string {
  const lines = r.checks.map((c) => `[${c.ok ? '通过' : '失败'}] ${c.name}：${c.detail}`);
  const failed = r.checks.filter((c) => !c.ok).length;
  lines.push(r.ok ? '自检通过。' : `自检未通过：${failed}项失败。`);
  return `${lines.join('\n')}\n`;
}
