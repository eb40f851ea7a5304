/**
 * The 双土 fixture as a 乡, a 镇 and a 街道: every phrase naming the level follows 设置's 乡镇类型 in
 * the printed report (Chromium's PDF read with pdftotext), the 街道 words its 人大 section through
 * the 人大街道工委 and never prints a 人民代表大会 of its own, and a 乡's register prints 乡 wording.
 * The fixture's saved report holds the older 镇 text (镇人民调解委员会, 召开镇人民代表大会) and its
 * records 镇 options, as a ledger from before these words followed the level does.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportReport } from '@core/report/export';
import { exportRegister } from '@core/register/export';
import type { PdfRenderer } from '@core/render/pdf';
import { saveSettingsWorded } from '@core/ledger/level-wording';
import { getSettings } from '@core/ledger/settings';
import type { TownType } from '@rules/town-type';
import { shuangtuLedger } from './support';
import { requireTool } from '../render-html/measure';
import { sharedPdfRenderer } from '../support/chromium';

let renderer: PdfRenderer;
beforeAll(async () => {
  requireTool('pdftotext', 'poppler-utils');
  renderer = await sharedPdfRenderer();
});
afterAll(() => renderer?.close());

/** The fixture's 设置 renamed for the level (a 乡's organs are 双土乡's; the villages hold no 镇). */
function asLevel(ledger: ReturnType<typeof shuangtuLedger>, type: TownType) {
  const s = getSettings(ledger.ctx.db);
  const unit = type === '街道' ? '双土街道' : `双土${type}`;
  saveSettingsWorded(ledger.ctx.db, {
    ...s,
    townType: type,
    town: unit,
    partyOrg: type === '街道' ? `中共云阳县${unit}工作委员会` : `中共云阳县${unit}委员会`,
    govOrg: type === '街道' ? `云阳县${unit}办事处` : `云阳县${unit}人民政府`,
    issuer: `${unit}党政办公室`,
  });
}

/** The PDF's text without spaces and page numbers (「—2—」 falls inside a sentence at a page break). */
const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s/g, '').replace(/—\d+—/g, '');

async function reportText(type: TownType): Promise<string> {
  const ledger = shuangtuLedger();
  try {
    asLevel(ledger, type);
    const file = path.join(ledger.dir, `report-${type}.pdf`);
    await exportReport(ledger.ctx, 2023, file, (html) => renderer.render(html));
    return pdfText(file);
  } finally {
    ledger.cleanup();
  }
}

describe('the report PDF follows 乡镇类型', () => {
  it('a 镇 prints its 镇 words as before', async () => {
    const t = await reportText('镇');
    expect(t).toContain('服务覆盖全镇11个村（社区）');
    expect(t).toContain('镇人民调解委员会');
    expect(t).toContain('全年召开镇人民代表大会2次');
  });

  it('a 乡 prints 乡 words and no 镇 at all', async () => {
    const t = await reportText('乡');
    expect(t).toContain('服务覆盖全乡11个村（社区）');
    expect(t).toContain('村（社区）调解室和乡人民调解委员会调解网络');
    expect(t).toContain('全年召开乡人民代表大会2次');
    expect(t).toContain('组织乡村干部集中学法');
    expect(t).toContain('成立由书记、乡长任组长');
    // The names were set without 镇, so any 镇 left would be a level word of the wrong level.
    expect(t).not.toContain('镇');
  });

  it('a 街道 reports to the 人大街道工委 and never prints a 人民代表大会 of its own', async () => {
    const t = await reportText('街道');
    expect(t).toContain('服务覆盖全街道11个村（社区）');
    expect(t).toContain('街道人民调解委员会');
    // The fixture's two 人民代表大会 meetings are the 街道's 人大街道工委会议 now, and still count.
    expect(t).toContain('全年向人大街道工委报告工作2次');
    expect(t).toContain('组织街道社区干部集中学法');
    expect(t).toContain('成立由书记、街道办事处主任任组长');
    expect(t).not.toContain('人民代表大会');
    expect(t).not.toContain('镇');
  });
});

describe('a 乡 ledger stores and prints 乡 wording', () => {
  it('its dispute register prints 乡人民调解委员会 where the fixture held 镇人民调解委员会', async () => {
    const ledger = shuangtuLedger();
    try {
      asLevel(ledger, '乡');
      const stored = ledger.ctx.db
        .prepare("SELECT json_extract(data, '$.mediator') AS m, count(*) AS n FROM records WHERE kind = 'dispute' GROUP BY m")
        .all() as { m: string; n: number }[];
      expect(stored.map((r) => r.m)).toContain('乡人民调解委员会');
      expect(stored.map((r) => r.m)).not.toContain('镇人民调解委员会');
      ledger.ctx.printPdf = (html) => renderer.render(html);
      const file = path.join(ledger.dir, 'dispute.pdf');
      await exportRegister(ledger.ctx, { kind: 'dispute', year: 2023 }, file);
      const t = pdfText(file);
      expect(t).toContain('乡人民调解委员会');
      expect(t).not.toContain('镇');
    } finally {
      ledger.cleanup();
    }
  });
});
