/**
 * Text that becomes a file or folder name cannot climb out of its folder: a town with “/”, “\”,
 * “..” or a control is refused at 设置, in a JSON import and in a restored backup (the same check), and
 * a town already stored that way (an old ledger) still names a 档案袋 inside the folder the clerk picked. Reserved
 * device names get a prefix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '@core/api';
import { exportLedger } from '@core/ledger/exchange';
import { safePart } from '@core/dossier/names';
import { safeTownName } from '@core/backup/format';
import { createBackup } from '@core/backup/create';
import { safetyDirFor } from '@core/backup/safety';
import { ledgerPerTest, tempDir } from '../support/ledger';

const newLedger = ledgerPerTest();
const HOSTILE = ['../../../逃逸', '双土镇/..', 'a\\b', '双土\u0000镇', '双土\u202e镇', '..'];

describe('the town at the door', () => {
  it('settings.save refuses each hostile town in Chinese and keeps the old one', async () => {
    const L = newLedger();
    for (const town of HOSTILE) {
      const r = await callApi(L.ctx, 'settings.save', { settings: { town } });
      expect(r.ok, town).toBe(false);
      if (!r.ok) expect(JSON.stringify(r.error), town).toMatch(/乡镇名称(不能含有|含有)/);
    }
    const s = await callApi(L.ctx, 'settings.get', {});
    expect(s.ok && (s.value as { town: string }).town).toBe('双土镇');
  });

  it('a JSON import with such a town is refused and changes nothing', async () => {
    const L = newLedger();
    const file = JSON.parse(exportLedger(L.ctx.db)) as { settings: { town: string } };
    file.settings.town = '../../../逃逸';
    const before = exportLedger(L.ctx.db);
    const r = await callApi(L.ctx, 'exchange.import', { text: JSON.stringify(file) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(JSON.stringify(r.error)).toContain('乡镇名称不能含有');
    expect(exportLedger(L.ctx.db)).toBe(before);
  });

  it('restoring a backup whose stored town is hostile is refused, naming the setting and the file; nothing changes', async () => {
    const L = newLedger();
    const setTown = (town: string) =>
      L.ctx.db.prepare("UPDATE settings SET value = json_set(value, '$.town', ?) WHERE key = 'org'").run(town);
    const usb = tempDir('fazhi-names-usb-');
    try {
      for (const town of ['../../../逃逸', '双土\u0007镇']) {
        setTown(town);
        const backup = (await createBackup(L.ctx, usb)).file;
        setTown('双土镇');
        const before = exportLedger(L.ctx.db);
        const beside = fs.readdirSync(L.dir).sort();
        const r = await callApi(L.ctx, 'backup.restore', { file: backup });
        expect(r.ok, town).toBe(false);
        if (r.ok) continue;
        expect(r.error.code).toBe('BAD_FILE');
        expect(r.error.message).toMatch(/^恢复已取消，台账未作任何改动/);
        expect(r.error.message).toContain(`备份“${path.basename(backup)}”`);
        expect(r.error.message).toMatch(/乡镇名称：乡镇名称(不能含有|含有控制字符)/);
        expect(exportLedger(L.ctx.db)).toBe(before);
        // No safety copy (it is taken only after the backup is proved ours) and no staging folder.
        expect(fs.existsSync(safetyDirFor(L.file)) ? fs.readdirSync(safetyDirFor(L.file)) : []).toEqual([]);
        expect(fs.readdirSync(L.dir).sort()).toEqual(beside);
      }
    } finally {
      fs.rmSync(usb, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a town stored before the door checked it', () => {
  it('dossier.export into a folder writes the 档案袋 in that folder, not above it', async () => {
    const L = newLedger();
    L.ctx.db.prepare("UPDATE settings SET value = json_set(value, '$.town', ?) WHERE key = 'org'").run('../../../逃逸');
    L.ctx.printPdf = async () => Buffer.from('%PDF-1.4\n%%EOF\n');
    const base = tempDir('fazhi-names-');
    try {
      const folder = path.join(base, 'a', 'b', 'c');
      fs.mkdirSync(folder, { recursive: true });
      const r = await callApi(L.ctx, 'dossier.export', { year: 2023, folder, draftReport: true });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      expect(fs.readdirSync(folder)).toHaveLength(1);
      expect(fs.readdirSync(base)).toEqual(['a']);
      expect(fs.readdirSync(path.join(base, 'a'))).toEqual(['b']);
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  }, 120_000);

  it('names the app makes never hold a separator, a control or a reserved device name', () => {
    for (const raw of [...HOSTILE, 'CONIN$', 'conout$.txt', 'CON', 'a\u2028b', '\ud800x']) {
      for (const name of [safePart(raw), safeTownName(raw)]) {
        expect(name, raw).not.toMatch(/[\\/\u0000-\u001f\u2028\u202e]|^\.\.?$/);
        expect(name, raw).not.toMatch(/^(con|conin\$|conout\$)(\.|$)/i);
        expect(name, raw).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }
    }
  });
});
