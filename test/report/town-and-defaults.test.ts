/**
 * A new report's defaults follow 设置: the red 版头 once the 发文代字 is set, the wording of a 乡,
 * 镇 or 街道 through the {乡镇长}/{乡镇干部} tokens; and a 版记 without its 印发日期 is listed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { assembleReport } from '@core/report/assemble';
import { getReportSpec } from '@core/report/store';
import type { Settings } from '@rules/settings';
import { tempLedger, type TempLedger } from '../support/ledger';

let L: TempLedger | undefined;
afterEach(() => L?.cleanup());

const open = (settings: Partial<Settings>) => {
  L = tempLedger({ settings });
  const spec = getReportSpec(L.ctx.db, 2023).spec;
  return { spec, report: assembleReport(L.ctx.db, 2023, spec) };
};
const text = (r: ReturnType<typeof assembleReport>) => r.document.body.map((b) => b.runs.map((x) => x.text).join('')).join('\n');

describe('a new report from 设置', () => {
  it('defaults to the red 版头 when the 党委发文代字 is set, to none without it', () => {
    expect(open({ partyCode: '双土委文' }).report.document.header.mode).toBe('red');
    L!.cleanup();
    expect(open({ partyCode: '' }).report.document.header.mode).toBe('none');
  });

  it('writes a 镇 as a 镇 by default', () => {
    const t = text(open({}).report);
    expect(t).toContain('组织镇村干部集中学法');
    expect(t).toContain('成立由书记、镇长任组长');
  });

  it('writes a 乡 as a 乡 and a 街道 as a 街道', () => {
    const xiang = text(open({ townType: '乡', town: '石桥乡' }).report);
    expect(xiang).toContain('组织乡村干部集中学法');
    expect(xiang).toContain('成立由书记、乡长任组长');
    expect(xiang).not.toMatch(/镇村干部|镇长/);
    L!.cleanup();
    const street = text(open({ townType: '街道', town: '' }).report);
    expect(street).toContain('组织街道社区干部集中学法');
    expect(street).toContain('书记、街道办事处主任任组长');
    expect(street).toContain('我街道');
  });

  it('lists a missing 印发日期 when the 版记 is on, and not when it is set or the 版记 is off', () => {
    const { spec } = open({});
    const problems = (s: typeof spec) => assembleReport(L!.ctx.db, 2023, s).problems.filter((p) => p.message.includes('印发日期'));
    expect(problems(spec)).toEqual([]);
    const on = { ...spec, settings: { ...spec.settings, imprint: true, issueDate: '' } };
    expect(problems(on)).toMatchObject([{ severity: 'warning', anchor: 'settings', message: '缺少设置：印发日期（已选择打印版记）' }]);
    expect(problems({ ...on, settings: { ...on.settings, issueDate: '2024-01-16' } })).toEqual([]);
  });
});
