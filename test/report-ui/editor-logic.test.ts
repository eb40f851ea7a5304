/**
 * The report editor's pure logic: outline edits, chip words (from the assembly or formatted here),
 * automatic words, where a save error points, the font check's wording, the sources table CSV.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleReport } from '@core/report/assemble';
import { getReportSpec } from '@core/report/store';
import { computeAll } from '@core/figures/compute';
import { FIGURES } from '@rules/figures/catalogue';
import { importLedger } from '@core/ledger/exchange';
import { addParagraph, addSection, allParagraphs, moveSection, removeParagraph, removeSection } from '../../src/app/report/spec-edit';
import { chipLabel, indexUses, segmentKey, type FigureInfo } from '../../src/app/report/figure-labels';
import { resolveText, splitTokens } from '@rules/report/tokens';
import { placeOf, settingsErrors } from '../../src/app/report/save-errors';
import { checkFonts } from '../../src/app/lib/font-check';
import { sourcesCsv } from '@rules/report/sources-csv';
import type { ReportSpec, Segment } from '../../src/app/report/types';
import { tempLedger, type TempLedger } from '../support/ledger';

let ledger: TempLedger;
let spec: ReportSpec;
let info: FigureInfo;

beforeAll(() => {
  ledger = tempLedger({ settings: null });
  importLedger(ledger.ctx.db, fs.readFileSync(path.resolve(__dirname, '../fixtures/shuangtu-2023.json'), 'utf8'));
  spec = getReportSpec(ledger.ctx.db, 2023).spec;
  const defs = new Map(FIGURES.map((d) => [d.id, d]));
  const { uses } = assembleReport(ledger.ctx.db, 2023, spec);
  info = { defs, values: new Map(computeAll(ledger.ctx.db, 2023).map((v) => [v.id, v])), saved: indexUses(spec, uses, defs) };
});
afterAll(() => ledger?.cleanup());

/** The paragraph of （四） and the index of its 党委会议 placeholder. */
const partyPlace = (s: ReportSpec) => {
  const p = s.sections[0].children![3].paragraphs[0];
  return { p, i: p.segments.findIndex((x) => x.type === 'figure' && x.figureId === 'meeting.party.count') };
};

describe('outline edits', () => {
  it('moves, adds and removes sections; new subsections run in', () => {
    const moved = moveSection(spec, [0, 1], -1);
    expect(moved.sections[0].children!.map((c) => c.id).slice(0, 2)).toEqual(['s2', 's1']);
    expect(moveSection(spec, [0, 0], -1)).toEqual(spec);
    const added = addSection(spec, [0]);
    expect(added.sections[0].children!.at(-1)).toMatchObject({ heading: '', runIn: true });
    expect(addSection(spec, null).sections.at(-1)!.runIn).toBeUndefined();
    expect(removeSection(spec, [3]).sections.map((s) => s.id)).toEqual(['part1', 'part2', 'part3']);
    expect(spec.sections).toHaveLength(4);
  });

  it('adds a paragraph after another, removes it, and keeps paragraph ids unique', () => {
    const { p } = partyPlace(spec);
    const next = addParagraph(spec, { afterId: p.id });
    const paras = next.sections[0].children![3].paragraphs;
    expect(paras).toHaveLength(2);
    const ids = [...allParagraphs(next)].map((x) => x.p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(removeParagraph(next, paras[1].id)).toEqual(spec);
  });
});

describe('chip words', () => {
  it('shows the name and the value the report prints', () => {
    const { p, i } = partyPlace(spec);
    expect(chipLabel(p.segments[i], segmentKey(p.id, i), info, 2023)).toMatchObject({
      name: '党委会议次数',
      value: '11次',
      manual: false,
      pending: false,
    });
  });

  it('formats an edited rule at once, waits for a save for other periods, and marks 手填', () => {
    const { p, i } = partyPlace(spec);
    const seg = p.segments[i] as Extract<Segment, { type: 'figure' }>;
    const key = segmentKey(p.id, i);
    expect(chipLabel({ ...seg, rule: { type: 'approx', granularity: 10 } }, key, info, 2023).value).toBe('10余次');
    expect(chipLabel({ ...seg, sinceYear: 2021 }, key, info, 2023)).toMatchObject({
      value: '保存后计算',
      pending: true,
      flags: ['自2021年以来'],
    });
    expect(chipLabel({ ...seg, manual: '十余次' }, key, info, 2023)).toMatchObject({ value: '十余次', manual: true, flags: ['手填'] });
    expect(chipLabel({ ...seg, unit: '场' }, key, info, 2023)).toMatchObject({ value: '11场', flags: ['单位“场”'] });
  });

  it('reads equal rates as the report does', () => {
    const p = spec.sections[0].children![0].paragraphs[0];
    const i = p.segments.findIndex((x) => x.type === 'rates');
    expect(chipLabel(p.segments[i], segmentKey(p.id, i), info, 2023)).toMatchObject({ name: '参考率、合格率', value: '均达到100%' });
    const chosen = { ...(p.segments[i] as Extract<Segment, { type: 'rates' }>), verb: '为' as const };
    expect(chipLabel(chosen, segmentKey(p.id, i), info, 2023)).toMatchObject({ value: '均为100%' });
  });
});

describe('automatic words', () => {
  it('splits stored text into words and tokens and reads them for the year', () => {
    expect(splitTokens('{年度}年，{乡镇}在')).toEqual([
      { type: 'token', token: '年度' },
      { type: 'text', text: '年，' },
      { type: 'token', token: '乡镇' },
      { type: 'text', text: '在' },
    ]);
    expect(resolveText('{上年度}—{下年度}年{乡镇}', 2023, '')).toBe('2022—2024年我镇');
    expect(splitTokens('{未知}')).toEqual([{ type: 'text', text: '{未知}' }]);
  });
});

describe('save errors', () => {
  it('says where a refused field is', () => {
    expect(placeOf('settings.docCode')).toBe('发文设置·发文代字');
    expect(placeOf('sections.0.children.2.heading')).toBe('一、（三）标题');
    expect(placeOf('sections.1.paragraphs.0.segments.2.text')).toBe('二、第1段');
    expect(placeOf('opening.0.segments.0.text')).toBe('开头第1段');
    expect(
      settingsErrors({ code: 'VALIDATION', message: 'x', issues: [{ field: 'settings.signers.2', message: '不能超过20个字' }] }),
    ).toEqual({ signers: '不能超过20个字' });
  });
});

describe('font check', () => {
  /** A PC with exactly these faces: a named face changes the probe's width, a missing one does not. */
  const GENERIC: Record<string, number> = { monospace: 1, serif: 2, 'sans-serif': 3 };
  const pc = (installed: string[]) => (font: string) => {
    const named = /"([^"]+)"/.exec(font)?.[1];
    return named && installed.includes(named) ? 100 + installed.indexOf(named) : GENERIC[font.split(/[ ,]+/).at(-1)!];
  };

  it('names the face each missing one is replaced with', () => {
    const status = checkFonts(pc(['仿宋', '楷体_GB2312', 'SimHei', '宋体']));
    const by = Object.fromEntries(status.map((s) => [s.wanted, s]));
    expect(by['仿宋_GB2312']).toMatchObject({ installed: false, message: '本机未安装仿宋_GB2312，正文将以仿宋代替', serious: false });
    expect(by['楷体_GB2312'].installed).toBe(true);
    expect(by['黑体'].installed).toBe(true);
    expect(by['方正小标宋简体']).toMatchObject({ message: '本机未安装方正小标宋简体，标题将以宋体代替', serious: true });
  });

  it('falls back to the system default when none of a chain is there', () => {
    expect(checkFonts(pc([])).map((s) => s.substitute)).toEqual(['系统默认字体', '系统默认字体', '系统默认字体', '系统默认字体']);
  });
});

describe('数据来源附表 CSV', () => {
  it('opens in Excel (BOM, CRLF), quotes what needs it, and lists 手填 values', () => {
    const csv = sourcesCsv([
      {
        figureId: 'x',
        name: '党委会议次数',
        display: '11次',
        period: { from: 2021, to: 2023 },
        manual: false,
        records: [{ id: 'r1', kind: '会议', date: '2023-01-08', title: '第1次党委会议, "扩大"' }],
      },
      {
        figureId: 'legalAdviser.villages',
        name: '法律顾问覆盖村（社区）数',
        display: '11个',
        period: { from: 2023, to: 2023 },
        manual: true,
        records: [],
      },
    ]);
    expect(csv.startsWith('\ufeff指标,报告中的数值,统计期间,记录编号,台账类型,日期,名称\r\n')).toBe(true);
    expect(csv).toContain('党委会议次数,11次,2021—2023年,r1,会议,2023-01-08,"第1次党委会议, ""扩大"""');
    expect(csv).toContain('法律顾问覆盖村（社区）数,11个,,,,,（手填，不由台账计算）');
  });
});
