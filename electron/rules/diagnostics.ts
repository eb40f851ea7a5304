/**
 * What 关于与诊断 shows and 复制诊断信息 copies, and `--self-test` prints: the facts the core gathers
 * (electron/core/diagnostics/collect.ts) and the fonts the page measures, as one plain text for
 * whoever supports the clerk. Paths and versions only: never a record's text or a person's name.
 * Pure, so the page (copy) and the core (self-test) format it the same way.
 */
import { formatBytes } from './limits';

/** Which shell gathered the facts: the desktop app, the browser harness, the command line. */
type DiagnosticsHostKind = 'electron' | 'browser' | 'cli';

/**
 * What only the shell knows: Electron main answers with Electron's versions and the window's
 * printers, the browser harness and the command line with what they have.
 */
export interface DiagnosticsHost {
  kind: DiagnosticsHostKind;
  electron: string | null;
  chromium: string | null;
  logFile: string | null;
  /** The printers' names, or null where this host cannot list them. */
  printers(): Promise<string[] | null>;
}

/** Something that could not be found out, with the reason in Chinese. */
export interface Unknown {
  error: string;
}

export interface DriveInfo {
  path: string;
  label: string;
  freeBytes: number;
  totalBytes: number;
}

export interface Diagnostics {
  /** ISO time the facts were gathered. */
  collectedAt: string;
  host: DiagnosticsHostKind;
  versions: {
    app: string;
    electron: string | null;
    chromium: string | null;
    node: string;
    sqlite: string;
    betterSqlite3: string;
    os: string;
  };
  ledger: {
    path: string;
    /** The file with its write-ahead log. */
    sizeBytes: number;
    schemaVersion: number;
    expectedSchemaVersion: number;
    /** `PRAGMA integrity_check`'s lines: exactly ['ok'] for a sound file; null until checked. */
    integrity: string[] | null;
  };
  /** Free space of the disk the ledger is on. */
  disk: { path: string; freeBytes: number; totalBytes: number } | Unknown;
  lastBackup: { at: string | null; daysSince: number | null; reminderDue: boolean } | Unknown;
  drives: DriveInfo[] | Unknown;
  /** Printers' names as the print dialog shows them; null where the host cannot list them (browser, command line). */
  printers: string[] | null;
  /** The log file of this run, null when nothing is logged. */
  logFile: string | null;
}

/** One report face as the page found it (src/app/lib/font-check.ts). */
interface FontLine {
  wanted: string;
  use: string;
  installed: boolean;
  substitute: string | null;
}

const HOST_LABEL: Record<DiagnosticsHostKind, string> = {
  electron: '桌面程序',
  browser: '浏览器调试环境',
  cli: '命令行',
};

export const integrityOk = (d: Diagnostics): boolean => d.ledger.integrity?.length === 1 && d.ledger.integrity[0] === 'ok';

export const isUnknown = (v: object): v is Unknown => 'error' in v;

/** The first few of SQLite's findings (they run to pages), and how many more there are. */
export function integrityProblems(lines: readonly string[], shown = 5): string {
  const problems = lines.filter((l) => !l.startsWith('*** in database'));
  const more = problems.length - shown;
  return `${problems.slice(0, shown).join('；')}${more > 0 ? `；另有${more}项` : ''}`;
}

/** The moment as the clerk's PC shows it, YYYY-MM-DD HH:mm. */
function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Less free space than this beside the ledger is a problem: saves, safety copies and exports need room. */
export const MIN_FREE_BYTES = 200 * 1024 * 1024;

/** How a value reads: fine, worth a look, or a fault to fix. */
export type Tone = 'ok' | 'warn' | 'bad';

interface DiagRow {
  label: string;
  value: string;
  tone?: Tone;
}

export interface DiagGroup {
  group: string;
  rows: DiagRow[];
}

function ledgerRows(d: Diagnostics): DiagRow[] {
  const l = d.ledger;
  const schemaTone: Tone = l.schemaVersion === l.expectedSchemaVersion ? 'ok' : l.schemaVersion > l.expectedSchemaVersion ? 'bad' : 'warn';
  const schema =
    l.schemaVersion === l.expectedSchemaVersion ? String(l.schemaVersion) : `${l.schemaVersion}（本程序为 ${l.expectedSchemaVersion}）`;
  const disk: DiagRow = isUnknown(d.disk)
    ? { label: '所在磁盘', value: d.disk.error, tone: 'warn' }
    : {
        label: '所在磁盘',
        value: `可用 ${formatBytes(d.disk.freeBytes)}，共 ${formatBytes(d.disk.totalBytes)}`,
        tone: d.disk.freeBytes >= MIN_FREE_BYTES ? 'ok' : 'bad',
      };
  const b = d.lastBackup;
  const backup: DiagRow = isUnknown(b)
    ? { label: '上次备份', value: b.error, tone: 'warn' }
    : {
        label: '上次备份',
        value: b.at ? `${localTime(b.at)}（${b.daysSince === 0 ? '今天' : `${b.daysSince ?? '?'}天前`}）` : '从未备份',
        tone: b.reminderDue ? 'warn' : 'ok',
      };
  return [
    { label: '位置', value: l.path },
    { label: '大小', value: formatBytes(l.sizeBytes) },
    { label: '数据结构版本', value: schema, tone: schemaTone },
    !l.integrity
      ? { label: '完整性检查', value: '检查中…' }
      : integrityOk(d)
        ? { label: '完整性检查', value: '通过（ok）', tone: 'ok' }
        : { label: '完整性检查', value: `发现问题：${integrityProblems(l.integrity)}`, tone: 'bad' },
    disk,
    backup,
  ];
}

/** The groups of 关于与诊断, in the order the page and the copied text show them. */
export function diagnosticsRows(d: Diagnostics): DiagGroup[] {
  const v = d.versions;
  const printers = d.printers
    ? d.printers.length
      ? d.printers.join('；')
      : '未找到打印机'
    : d.host === 'browser'
      ? '浏览器中无法列出'
      : '无法列出';
  const drives = isUnknown(d.drives)
    ? d.drives.error
    : d.drives.length
      ? d.drives.map((x) => `${x.label}（${x.path}，可用 ${formatBytes(x.freeBytes)}）`).join('；')
      : '未插入U盘';
  return [
    {
      group: '软件版本',
      rows: [
        { label: '法治台账', value: v.app },
        { label: '运行环境', value: HOST_LABEL[d.host] },
        { label: 'Electron', value: v.electron ?? '—' },
        { label: 'Chromium', value: v.chromium ?? '—' },
        { label: 'Node.js', value: v.node },
        { label: 'SQLite', value: v.sqlite },
        { label: 'better-sqlite3', value: v.betterSqlite3 },
        { label: '操作系统', value: v.os },
      ],
    },
    { group: '台账文件', rows: ledgerRows(d) },
    {
      group: '设备',
      rows: [
        { label: '打印机', value: printers },
        { label: 'U盘', value: drives },
      ],
    },
    { group: '日志', rows: [{ label: '日志文件', value: d.logFile ?? '未记录日志' }] },
  ];
}

function fontGroup(fonts: readonly FontLine[] | null): DiagGroup {
  if (!fonts) return { group: '报告字体', rows: [{ label: '字体', value: '未检测（需在程序窗口中检测）' }] };
  return {
    group: '报告字体',
    rows: fonts.map((f) => ({
      label: `${f.wanted}（${f.use}）`,
      value: f.installed ? '已安装' : `未安装，以${f.substitute ?? '系统默认字体'}代替`,
      tone: f.installed ? 'ok' : 'warn',
    })),
  };
}

/** The page's groups: the core's facts with the fonts the page measured after the ledger's. */
export function pageGroups(d: Diagnostics, fonts: readonly FontLine[] | null): DiagGroup[] {
  const groups = diagnosticsRows(d);
  groups.splice(2, 0, fontGroup(fonts));
  return groups;
}

/** Everything as plain text, for 复制诊断信息 (fonts as the page measured them). */
export function diagnosticsText(d: Diagnostics, fonts: readonly FontLine[] | null): string {
  const lines = [`法治台账 诊断信息（${localTime(d.collectedAt)}）`];
  for (const g of pageGroups(d, fonts)) {
    lines.push('', `【${g.group}】`);
    for (const r of g.rows) lines.push(`${r.label}：${r.value}${r.tone === 'bad' ? '（需处理）' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
