/**
 * Kind options naming the township's level (镇人民调解委员会, 依法治镇领导小组会议, the 人大 meeting)
 * follow 设置's 乡镇类型 where they are offered, stored, imported, counted and printed; every other
 * level's spelling is the same option, so older ledgers, exchange files and workbooks keep working.
 * Real SQLite ledgers in temp folders, real workbooks written by exceljs.
 */
import { describe, expect, it } from 'vitest';
import { callApi, openContext } from '@core/api';
import { createRecord, updateRecord } from '@core/ledger/records';
import { searchRecords } from '@core/ledger/query';
import { exportLedger, importLedger } from '@core/ledger/exchange';
import { saveSettingsWorded } from '@core/ledger/level-wording';
import { getSettings } from '@core/ledger/settings';
import { computeFigure, findFigure } from '@core/figures/compute';
import { importWorkbook, previewWorkbook, templateWorkbook } from '@core/excel';
import { checkCustomFigure } from '@rules/figures/schema';
import { expectedEvidence, getKind, kindForLevel } from '@rules/kinds';
import { validateRecord } from '@rules/kinds/validate';
import { levelSpellings, levelText, TOWN_TYPES } from '@rules/town-type';
import type { Settings } from '@rules/settings';
import { ledgerPerTest, type TempLedger } from '../support/ledger';
import { load, workbook } from '../excel/helpers';

const ledger = ledgerPerTest();
const XIANG: Partial<Settings> = { townType: '乡', town: '石桥乡', partyOrg: '中共石桥乡委员会', govOrg: '石桥乡人民政府' };

const options = (kindId: string, field: string, type: (typeof TOWN_TYPES)[number]) =>
  kindForLevel(getKind(kindId)!, type).fields.find((f) => f.key === field)!.options!;
const stored = (L: TempLedger, id: string) =>
  JSON.parse((L.ctx.db.prepare('SELECT data FROM records WHERE id = ?').get(id) as { data: string }).data) as Record<string, unknown>;
const dispute = (mediator: string, title = '邻里宅基地纠纷') => ({
  date: '2023-05-06',
  title,
  source: '排查',
  disputeType: '邻里',
  mediator,
  result: '在办',
});

describe('level options worded for each 乡镇类型', () => {
  it('offer each level its own words, and 街道 no 人民代表大会 of its own', () => {
    expect(options('dispute', 'mediator', '乡')).toContain('乡人民调解委员会');
    expect(options('dispute', 'mediator', '镇')).toContain('镇人民调解委员会');
    expect(options('dispute', 'mediator', '街道')).toContain('街道人民调解委员会');
    expect(options('meeting', 'meetingType', '乡')).toEqual(expect.arrayContaining(['依法治乡领导小组会议', '人民代表大会']));
    expect(options('meeting', 'meetingType', '街道')).toEqual(expect.arrayContaining(['依法治街领导小组会议', '人大街道工委会议']));
    expect(options('meeting', 'meetingType', '街道')).not.toContain('人民代表大会');
    // No option of any level still holds a placeholder, nor another level's word.
    for (const t of TOWN_TYPES) {
      const all = [...options('dispute', 'mediator', t), ...options('meeting', 'meetingType', t)];
      expect(all.join()).not.toMatch(/[{}]/);
      if (t !== '镇') expect(all.join()).not.toContain('镇');
    }
    expect(levelSpellings('{依法治乡镇}领导小组会议')).toEqual(['依法治镇领导小组会议', '依法治乡领导小组会议', '依法治街领导小组会议']);
    expect(levelText('没有级别词', '乡')).toBe('没有级别词');
  });

  it('take another level’s spelling as the level’s own, and say what is offered for a wrong value', () => {
    const k = kindForLevel(getKind('dispute')!, '乡');
    expect(validateRecord(k, dispute('镇人民调解委员会')).data.mediator).toBe('乡人民调解委员会');
    expect(validateRecord(k, dispute('街道人民调解委员会')).data.mediator).toBe('乡人民调解委员会');
    const bad = validateRecord(k, dispute('县人民调解委员会')).issues[0];
    expect(bad.message).toContain('可选：村（社区）调解室、乡人民调解委员会');
  });

  it('ask for a 人大 meeting’s 会议决议 whatever level wrote it', () => {
    const m = getKind('meeting')!;
    expect(expectedEvidence(m, { meetingType: '人大街道工委会议' })).toContain('会议决议');
    expect(expectedEvidence(kindForLevel(m, '街道'), { meetingType: '人大街道工委会议' })).toContain('会议决议');
    expect(expectedEvidence(m, { meetingType: '人民代表大会' })).toContain('会议决议');
    expect(expectedEvidence(m, { meetingType: '党委会议' })).not.toContain('会议决议');
  });
});

describe('a 乡 ledger', () => {
  it('stores 乡 wording, also for a 镇-worded value typed or imported, and counts both', () => {
    const L = ledger({ settings: XIANG });
    const a = createRecord(L.ctx.db, 'dispute', dispute('乡人民调解委员会'));
    const b = createRecord(L.ctx.db, 'dispute', dispute('镇人民调解委员会', '土地承包纠纷'));
    expect(stored(L, a.id).mediator).toBe('乡人民调解委员会');
    expect(stored(L, b.id).mediator).toBe('乡人民调解委员会');
    updateRecord(L.ctx.db, b.id, { ...dispute('镇人民调解委员会', '土地承包纠纷') });
    expect(stored(L, b.id).mediator).toBe('乡人民调解委员会');

    createRecord(L.ctx.db, 'meeting', { meetingType: '依法治乡领导小组会议', date: '2023-03-01', title: '依法治乡领导小组第一次会议' });
    createRecord(L.ctx.db, 'meeting', { meetingType: '依法治镇领导小组会议', date: '2023-06-01', title: '依法治乡领导小组第二次会议' });
    const fig = computeFigure(L.ctx.db, 'meeting.ruleOfLawGroup.count', { from: 2023, to: 2023 });
    expect(fig).toMatchObject({ name: '依法治乡领导小组会议次数', value: 2 });
    expect(findFigure(L.ctx.db, 'meeting.npc.count')!.name).toBe('乡人民代表大会次数');
  });

  it('counts a record an older version stored in 镇 wording, and a custom figure saved in 镇 wording', () => {
    const L = ledger({ settings: XIANG });
    const r = createRecord(L.ctx.db, 'dispute', dispute('乡人民调解委员会'));
    // As a ledger from before level options: the value written in 镇 words behind the app's back.
    L.ctx.db.prepare("UPDATE records SET data = json_set(data, '$.mediator', '镇人民调解委员会') WHERE id = ?").run(r.id);
    const def = {
      id: 'custom.townMediation',
      name: '乡调委会调解件数',
      section: '7',
      unit: '件',
      value: {
        type: 'count' as const,
        measure: { kind: 'dispute', where: { mediator: '镇人民调解委员会' }, agg: { type: 'count' as const } },
      },
      display: { type: 'exact' as const },
    };
    expect(checkCustomFigure(def).issues).toEqual([]);
    const where = { mediator: ['乡人民调解委员会'] };
    expect(checkCustomFigure({ ...def, value: { ...def.value, measure: { ...def.value.measure, where } } }).issues).toEqual([]);
    L.ctx.db
      .prepare("INSERT INTO custom_figures (id, data, updated_at) VALUES (?, ?, '2024-01-01T00:00:00.000Z')")
      .run(def.id, JSON.stringify(def));
    expect(computeFigure(L.ctx.db, def.id, { from: 2023, to: 2023 }).value).toBe(1);
  });

  it('rewrites stored options when 设置 changes the level, keeping their modification time, and search follows', () => {
    const L = ledger({ settings: XIANG });
    const r = createRecord(L.ctx.db, 'dispute', dispute('乡人民调解委员会'));
    const m = createRecord(L.ctx.db, 'meeting', { meetingType: '人民代表大会', date: '2023-02-01', title: '乡第十八届人大三次会议' });
    saveSettingsWorded(L.ctx.db, { ...getSettings(L.ctx.db), townType: '街道', town: '石桥街道' });
    expect(stored(L, r.id).mediator).toBe('街道人民调解委员会');
    expect(stored(L, m.id).meetingType).toBe('人大街道工委会议');
    const row = L.ctx.db.prepare('SELECT updated_at FROM records WHERE id = ?').get(r.id) as { updated_at: string };
    expect(row.updated_at).toBe(r.updatedAt);
    expect(searchRecords(L.ctx.db, { year: 2023, search: '街道人民调解委员会' }).flatMap((g) => g.rows.map((x) => x.id))).toEqual([r.id]);
    expect(computeFigure(L.ctx.db, 'meeting.npc.count', { from: 2023, to: 2023 })).toMatchObject({
      name: '人大街道工委会议次数',
      value: 1,
    });
  });

  it('brings a ledger written before level options to its own words when it is opened', () => {
    const L = ledger({ settings: XIANG });
    const r = createRecord(L.ctx.db, 'dispute', dispute('乡人民调解委员会'));
    L.ctx.db.prepare("UPDATE records SET data = json_set(data, '$.mediator', '镇人民调解委员会') WHERE id = ?").run(r.id);
    L.ctx.close();
    const ctx = openContext(L.file);
    try {
      const data = JSON.parse((ctx.db.prepare('SELECT data FROM records WHERE id = ?').get(r.id) as { data: string }).data);
      expect(data.mediator).toBe('乡人民调解委员会');
    } finally {
      ctx.close();
    }
  });

  it('imports an exchange file written by a 镇-worded ledger as 乡 wording', () => {
    const old = ledger();
    createRecord(old.ctx.db, 'dispute', dispute('镇人民调解委员会'));
    const file = JSON.parse(exportLedger(old.ctx.db));
    file.settings = { ...file.settings, townType: '乡', town: '石桥乡' };
    const L = ledger({ settings: XIANG });
    importLedger(L.ctx.db, JSON.stringify(file));
    const row = L.ctx.db.prepare("SELECT json_extract(data, '$.mediator') AS m FROM records WHERE kind = 'dispute'").get() as { m: string };
    expect(row.m).toBe('乡人民调解委员会');
  });
});

describe('the kinds the core sends to the screens (kinds.list)', () => {
  const listed = async (L: TempLedger) => {
    const r = await callApi(L.ctx, 'kinds.list', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { id: string; fields: { key: string; options?: string[] }[] }[];
  };
  // Every text the kinds hold (labels, options, aliases, conditions), to look for a template's braces.
  const texts = (v: unknown): string[] =>
    typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => [k, ...texts(x)]) : [];
  const optionsOf = (kinds: Awaited<ReturnType<typeof listed>>, kindId: string, field: string) =>
    kinds.find((k) => k.id === kindId)!.fields.find((f) => f.key === field)!.options!;

  it('are worded for a 乡: no template reaches a screen, and 设置 rewords them', async () => {
    const L = ledger({ settings: XIANG });
    const kinds = await listed(L);
    expect(texts(kinds).filter((t) => /[{}]/.test(t))).toEqual([]);
    expect(optionsOf(kinds, 'dispute', 'mediator')).toContain('乡人民调解委员会');
    expect(optionsOf(kinds, 'meeting', 'meetingType')).toContain('依法治乡领导小组会议');
    // Another level's spelling stays only as an alias (optionAliases), never offered.
    expect(kinds.flatMap((k) => k.fields.flatMap((f) => f.options ?? [])).filter((o) => /镇/.test(o))).toEqual([]);
    saveSettingsWorded(L.ctx.db, { ...getSettings(L.ctx.db), townType: '镇', town: '石桥镇' });
    expect(optionsOf(await listed(L), 'dispute', 'mediator')).toContain('镇人民调解委员会');
  });

  it('give a 街道 the 人大街道工委 and no 人民代表大会 of its own', async () => {
    const L = ledger({ settings: { townType: '街道', town: '石桥街道', partyOrg: '中共石桥街道工作委员会', govOrg: '石桥街道办事处' } });
    const kinds = await listed(L);
    const meetingTypes = optionsOf(kinds, 'meeting', 'meetingType');
    expect(meetingTypes).toContain('人大街道工委会议');
    expect(meetingTypes).toContain('依法治街领导小组会议');
    expect(meetingTypes.join('、')).not.toContain('人民代表大会');
    expect(texts(kinds).filter((t) => /[{}]/.test(t))).toEqual([]);
  });
});

describe('Excel import into a 乡 ledger', () => {
  const sheet = (mediators: string[]) =>
    workbook([
      {
        name: '矛盾纠纷',
        rows: [
          ['登记日期', '纠纷概要', '来源', '纠纷类型', '调解主体', '结果'],
          ...mediators.map((m, i) => ['2023-04-0' + (i + 1), `纠纷${i + 1}`, '排查', '邻里', m, '在办']),
        ],
      },
    ]);

  it('accepts 乡人民调解委员会, and 镇人民调解委员会 as the same value', async () => {
    const L = ledger({ settings: XIANG });
    const bytes = await sheet(['乡人民调解委员会', '镇人民调解委员会', ' 镇人民调解委员会 ']);
    const p = await previewWorkbook(L.ctx.db, bytes);
    expect(p.sheets[0].problems.filter((x) => x.level === 'error')).toEqual([]);
    expect(p.sheets[0].rows.map((r) => r.data.mediator)).toEqual(['乡人民调解委员会', '乡人民调解委员会', '乡人民调解委员会']);
    await importWorkbook(L.ctx.db, bytes);
    const rows = L.ctx.db.prepare("SELECT json_extract(data, '$.mediator') AS m FROM records WHERE kind = 'dispute'").all() as {
      m: string;
    }[];
    expect(rows.map((r) => r.m)).toEqual(['乡人民调解委员会', '乡人民调解委员会', '乡人民调解委员会']);
  });

  it('suggests the 乡 wording for a near miss', async () => {
    const L = ledger({ settings: XIANG });
    const p = await previewWorkbook(L.ctx.db, await sheet(['乡调解委员会']));
    expect(p.sheets[0].problems.map((x) => x.message).join()).toContain('是否应为“乡人民调解委员会”');
  });

  it('gives a 乡 template whose drop-down offers 乡 wording', async () => {
    const wb = await load(await templateWorkbook(getKind('dispute'), [], '乡'));
    const text = JSON.stringify(wb.getWorksheet('矛盾纠纷')!.model);
    expect(text).toContain('乡人民调解委员会');
    expect(text).not.toContain('镇人民调解委员会');
  });
});
