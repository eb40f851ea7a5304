/**
 * diagnostics.collect on a real ledger: versions, the file's path, size, schema version and
 * integrity check, free space, the last backup, the drives (FAZHI_DRIVES_DIR) and what the host
 * says; and the text 复制诊断信息 copies from it, which names paths and versions but no record.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '@core/db/migrations';
import { createBackup } from '@core/backup/create';
import type { DiagnosticsHost } from '@core/diagnostics/collect';
import { diagnosticsText, integrityOk, type Diagnostics } from '@rules/diagnostics';
import { api } from '../support/call';
import { callApi, openContext } from '@core/api';
import { Dispatcher, placement } from '@core/api/dispatch';
import { WorkerPool } from '@core/worker/pool';
import { addAllSamples, ledgerPerTest, sampleRecord, tempDir } from '../support/ledger';

const ledger = ledgerPerTest();
const dirs: string[] = [];
afterEach(() => {
  delete process.env.FAZHI_DRIVES_DIR;
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

describe('diagnostics.collect', () => {
  it('answers the ledger’s health, versions, disk, backup and drives; the command line lists no printers', async () => {
    const { ctx, file } = ledger();
    const drives = tempDir('fazhi-drives-');
    dirs.push(drives);
    fs.mkdirSync(path.join(drives, 'KINGSTON'));
    process.env.FAZHI_DRIVES_DIR = drives;
    const d = await api<Diagnostics>(ctx, 'diagnostics.collect');
    expect(d.host).toBe('cli');
    expect(d.ledger).toEqual({
      path: file,
      sizeBytes: fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0),
      schemaVersion: SCHEMA_VERSION,
      expectedSchemaVersion: SCHEMA_VERSION,
      integrity: null, // diagnostics.integrity, in the worker
    });
    expect(d.versions.sqlite).toMatch(/^3\.\d+\.\d+$/);
    expect(d.versions.betterSqlite3).toBe(JSON.parse(fs.readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8')).version);
    expect(d.versions.node).toBe(process.versions.node);
    expect(d.disk).toMatchObject({ path: path.dirname(file) });
    expect((d.disk as { freeBytes: number }).freeBytes).toBeGreaterThan(0);
    expect(d.lastBackup).toEqual({ at: null, daysSince: null, reminderDue: true });
    expect(d.drives).toEqual([expect.objectContaining({ path: path.join(drives, 'KINGSTON'), label: 'KINGSTON' })]);
    expect(d.printers).toBeNull();
    expect(d.logFile).toBeNull();
  });

  it('asks the shell’s host for printers, versions and the log file', async () => {
    const { ctx } = ledger();
    const host: DiagnosticsHost = {
      kind: 'electron',
      electron: '45.5.0',
      chromium: '142.0.0.0',
      logFile: 'C:\\Users\\dzb\\AppData\\Roaming\\法治台账\\logs\\main.log',
      printers: async () => ['HP LaserJet 1020'],
    };
    ctx.host = host;
    const d = await api<Diagnostics>(ctx, 'diagnostics.collect');
    expect(d).toMatchObject({ host: 'electron', printers: ['HP LaserJet 1020'], logFile: host.logFile });
    expect(d.versions).toMatchObject({ electron: '45.5.0', chromium: '142.0.0.0' });
    // A host that cannot list its printers still answers the rest.
    ctx.host = { ...host, printers: () => Promise.reject(new Error('spooler stopped')) };
    expect((await api<Diagnostics>(ctx, 'diagnostics.collect')).printers).toBeNull();
  });

  it('runs the integrity check in the worker: ok for a sound file, SQLite’s findings for a damaged one', async () => {
    expect(placement('diagnostics.integrity')).toBe('worker');
    const { ctx, file } = ledger();
    addAllSamples(ctx, [2022, 2023, 2024]);
    const pool = new WorkerPool();
    try {
      expect(await new Dispatcher(() => ctx, pool).value('diagnostics.integrity', {})).toEqual({ integrity: ['ok'] });
    } finally {
      await pool.close();
    }
    ctx.close();
    // Pages past the schema overwritten, the header intact: the file still opens.
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(size - 8192, 0x5a), 0, size - 8192, 8192);
    fs.closeSync(fd);
    const damaged = openContext(file, { readonly: true });
    try {
      const r = await callApi(damaged, 'diagnostics.integrity', {});
      const lines = r.ok ? (r.value as { integrity: string[] }).integrity : [];
      expect(lines[0]).toBe('*** in database main ***');
      expect(lines.filter((l) => /^Tree \d+ page \d+: /.test(l)).length).toBeGreaterThan(1);
      // The rest still answers; what only the damaged pages hold says so.
      const d = await api<Diagnostics>(damaged, 'diagnostics.collect');
      expect(d.lastBackup).toEqual({ error: '无法读取：台账文件已损坏，请从备份恢复。' });
      expect(d.ledger.path).toBe(file);
      const text = diagnosticsText({ ...d, ledger: { ...d.ledger, integrity: lines } }, null);
      expect(text).toMatch(/完整性检查：发现问题：Tree \d+ page \d+: [^；]+(；[^；]+){4}；另有\d+项（需处理）/);
    } finally {
      damaged.close();
    }
  });

  it('reports the last backup', async () => {
    const { ctx } = ledger();
    const usb = tempDir('fazhi-usb-');
    dirs.push(usb);
    const before = Date.now();
    await createBackup(ctx, usb);
    const after = Date.now();
    const d = await api<Diagnostics>(ctx, 'diagnostics.collect');
    expect(d.lastBackup).toEqual({ at: expect.any(String), daysSince: 0, reminderDue: false });
    // The backup's own time, whatever the machine's speed: between the call's start and end (to the second).
    const at = Date.parse((d.lastBackup as { at: string }).at);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(after + 1000);
  });

  it('copies as text with paths and versions, never a record', async () => {
    const { ctx, file } = ledger();
    const data = { ...sampleRecord('meeting', 0, { year: 2023 }), title: '秘密协调会ZQX42', host: '欧阳娜娜' };
    await api(ctx, 'records.create', { kind: 'meeting', data });
    const d = await api<Diagnostics>(ctx, 'diagnostics.collect');
    d.ledger.integrity = (await api<{ integrity: string[] }>(ctx, 'diagnostics.integrity')).integrity;
    expect(integrityOk(d)).toBe(true);
    const text = diagnosticsText(d, [{ wanted: '仿宋_GB2312', use: '正文', installed: false, substitute: '仿宋' }]);
    expect(text).toContain(`位置：${file}`);
    expect(text).toContain('完整性检查：通过（ok）');
    expect(text).toContain('仿宋_GB2312（正文）：未安装，以仿宋代替');
    expect(text).toContain('打印机：无法列出');
    expect(text).toContain('上次备份：从未备份');
    for (const secret of ['秘密协调会', 'ZQX42', '欧阳娜娜']) expect(text).not.toContain(secret);
    // A broken file reads as such, marked for action.
    const broken = diagnosticsText({ ...d, ledger: { ...d.ledger, integrity: ['row 3 missing from index records_live'] } }, null);
    expect(broken).toContain('完整性检查：发现问题：row 3 missing from index records_live（需处理）');
    expect(diagnosticsText({ ...d, ledger: { ...d.ledger, integrity: null } }, null)).toContain('完整性检查：检查中…');
    expect(broken).toContain('字体：未检测');
  });
});
