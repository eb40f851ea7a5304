/**
 * What `npm start` / `npm run setup:electron` prints when a download fails: what is missing, why
 * (one line), the variable that points the download elsewhere and a domestic mirror to try, in
 * Chinese and English, with the syntax of the shell the person is likely to use.
 */

interface Mirror {
  /** What could not be fetched, in Chinese and English. */
  what: { zh: string; en: string };
  variable: string;
  mirror: string;
}

const ELECTRON_MIRROR = 'https://npmmirror.com/mirrors/electron/';
const SQLITE_BINARY_HOST = 'https://registry.npmmirror.com/-/binary/better-sqlite3';
const SQLITE_HOST_VARIABLE = 'npm_config_better_sqlite3_binary_host';

export function electronMirror(version: string, platform: string, arch: string): Mirror {
  return {
    what: { zh: `Electron ${version} 的程序文件（${platform}-${arch}）`, en: `the Electron ${version} binary (${platform}-${arch})` },
    variable: 'ELECTRON_MIRROR',
    mirror: ELECTRON_MIRROR,
  };
}

export function sqliteMirror(sqliteVersion: string, electronVersion: string, platform: string, arch: string): Mirror {
  return {
    what: {
      zh: `SQLite 组件 better-sqlite3 ${sqliteVersion}（为 Electron ${electronVersion} 编译，${platform}-${arch}）`,
      en: `better-sqlite3 ${sqliteVersion} built for Electron ${electronVersion} (${platform}-${arch})`,
    },
    variable: SQLITE_HOST_VARIABLE,
    mirror: SQLITE_BINARY_HOST,
  };
}

function setLines(variable: string, value: string, platform: string): string[] {
  return platform === 'win32'
    ? [`  PowerShell:  $env:${variable}="${value}"`, `  cmd:         set ${variable}=${value}`]
    : [`  export ${variable}=${value}`];
}

/** The installers' usual failures in the clerk's IT person's words; the original stays beside them. */
const KNOWN: [RegExp, string][] = [
  [/fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET/i, '连不上下载服务器'],
  [/terminated|aborted|unexpected end|premature close/i, '下载中途断开，文件不完整'],
  [/checksum/i, '文件的校验和不符（文件损坏或被篡改）'],
  [/\b404\b|No prebuilt binaries found/i, '下载服务器上没有这个文件'],
];

function explainReason(reason: string): string {
  const known = KNOWN.find(([re]) => re.test(reason));
  return known ? `${known[1]}（${reason}）` : reason;
}

/** The full message; `reason` is the installer's one line, `stalled` says the network stopped answering. */
export function downloadGuidance(m: Mirror, reason: string, opts: { stalled: boolean; stallSeconds: number; platform: string }): string {
  const line = reason.replace(/\.+$/, '');
  const why = opts.stalled ? `${opts.stallSeconds} 秒内没有收到任何数据（网络不通或被拦截）` : explainReason(line) || '下载失败';
  const whyEn = opts.stalled ? `no data for ${opts.stallSeconds} s (network unreachable or blocked)` : line || 'download failed';
  return [
    `✗ 未能下载 ${m.what.zh}。`,
    `  原因：${why}`,
    `  请改从国内镜像下载：设置环境变量 ${m.variable} 后重新运行 npm start（或 npm run setup:electron）：`,
    ...setLines(m.variable, m.mirror, opts.platform),
    `  已下载的部分已删除，不会留下不完整的文件。`,
    '',
    `✗ Could not download ${m.what.en}: ${whyEn}.`,
    `  Set ${m.variable} to a mirror (e.g. ${m.mirror}) and run npm start (or npm run setup:electron) again.`,
  ].join('\n');
}
