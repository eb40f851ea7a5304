/**
 * CLI commands for backups: backup (prints the new file's path), verify (exit 0 only for a sound
 * backup, else 1 with the reason on stderr), restore, inspect and drives. Commands on a ledger go
 * through the API table; verify and inspect need no ledger and call the same core functions.
 */
import path from 'node:path';
import { LedgerError } from '@rules/errors';
import { inspectBackup, type BackupInfo } from '@core/backup/inspect';
import { verifyBackup } from '@core/backup/verify';
import { listDrives } from '@core/backup/drives';
import { formatBytes } from '@core/backup/messages';
import { call, registerCommand, withLedger } from './run';

function summary(info: BackupInfo): string[] {
  const kinds = info.kinds.map((k) => `${k.label}${k.count}条`).join('，') || '无记录';
  return [
    `单位：${info.town || '未命名'}`,
    `备份时间：${new Date(info.createdAt).toLocaleString('zh-CN', { hour12: false })}`,
    `记录：${kinds}；回收站${info.trash}条；附件${info.attachments}个`,
    `程序版本：${info.appVersion}，数据结构版本：${info.schemaVersion}，文件大小：${formatBytes(info.bytes)}`,
  ];
}

registerCommand('backup', {
  usage: '--db <台账文件> --to <目标文件夹> [--keep <保留份数>]',
  options: { db: { type: 'string' }, to: { type: 'string' }, keep: { type: 'string' } },
  async run(a, io) {
    const file = a.need('db');
    const to = a.need('to');
    const keep = a.values.keep === undefined ? undefined : Number(a.values.keep);
    if (keep !== undefined && (!Number.isInteger(keep) || keep < 1)) throw new LedgerError('VALIDATION', `--keep 应为正整数，如 10`);
    const r = await withLedger(file, false, (ctx) => call(ctx, 'backup.create', { targetDir: path.resolve(to), keep }));
    io.out(r.file);
    for (const d of r.deleted) io.err(`已按保留份数删除旧备份：${d}`);
    return 0;
  },
});

registerCommand('verify', {
  usage: '<备份文件.ftzb>',
  async run(a, io) {
    const file = a.positional('要校验的备份文件');
    const { info } = await verifyBackup(path.resolve(file));
    io.out(`备份完好：${path.resolve(file)}`);
    for (const line of summary(info)) io.out(`  ${line}`);
    return 0;
  },
});

registerCommand('inspect', {
  usage: '<备份文件.ftzb>',
  async run(a, io) {
    const info = await inspectBackup(path.resolve(a.positional('要查看的备份文件')));
    for (const line of summary(info)) io.out(line);
    return 0;
  },
});

registerCommand('restore', {
  usage: '<备份文件.ftzb> --db <台账文件>',
  options: { db: { type: 'string' } },
  async run(a, io) {
    const backup = path.resolve(a.positional('要恢复的备份文件'));
    const file = a.need('db');
    const r = await withLedger(file, true, (ctx) => call(ctx, 'backup.restore', { file: backup }));
    io.out(`已从备份恢复：${backup}`);
    for (const line of summary(r.info)) io.out(`  ${line}`);
    io.out(`恢复前的台账已另存为安全副本：${r.safetyCopy}`);
    return 0;
  },
});

registerCommand('drives', {
  usage: '',
  async run(_a, io) {
    const drives = await listDrives();
    if (!drives.length) io.out('未发现U盘或移动硬盘（也可以备份到任意文件夹）');
    for (const d of drives)
      io.out(
        `${d.path}\t${d.label}\t可用 ${formatBytes(d.freeBytes)} / 共 ${formatBytes(d.totalBytes)}${d.removable ? '' : '\t（固定磁盘）'}`,
      );
    return 0;
  },
});
