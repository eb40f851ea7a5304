/**
 * Report text naming the township's level: a saved report's 镇 phrases become level tokens on
 * reading, the default outline words itself for each level, and phrases typed for another level
 * (or a 街道人民代表大会, which does not exist) are listed as problems naming what to write.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { assembleReport } from '@core/report/assemble';
import { getReportSpec, saveReportSpec } from '@core/report/store';
import { levelSlips, withLevelTokens } from '@rules/report/level-phrases';
import { resolveText } from '@rules/report/tokens';
import type { Settings } from '@rules/settings';
import { tempLedger, type TempLedger } from '../support/ledger';

let L: TempLedger | undefined;
afterEach(() => L?.cleanup());

describe('level phrases in stored text', () => {
  it('become tokens that read as each level’s words', () => {
    const old =
      '健全村（社区）调解室和镇人民调解委员会调解网络，全年召开镇人民代表大会，服务覆盖全镇，由书记、镇长任组长，组织镇村干部学法';
    const t = withLevelTokens(old);
    expect(resolveText(t, 2023, '', '镇')).toBe(old);
    expect(resolveText(t, 2023, '', '乡')).toBe(
      '健全村（社区）调解室和乡人民调解委员会调解网络，全年召开乡人民代表大会，服务覆盖全乡，由书记、乡长任组长，组织乡村干部学法',
    );
    expect(resolveText(t, 2023, '', '街道')).toBe(
      '健全村（社区）调解室和街道人民调解委员会调解网络，全年向人大街道工委报告工作，服务覆盖全街道，由书记、街道办事处主任任组长，组织街道社区干部学法',
    );
    // 乡镇长 and 依法治县 are not a 镇's words.
    expect(withLevelTokens('乡镇长、县委依法治县办')).toBe('乡镇长、县委依法治县办');
  });
});

describe('level slips', () => {
  it('name another level’s phrase and what the ledger’s level writes, skipping names and common words', () => {
    expect(levelSlips('服务覆盖全镇，镇人民调解委员会', '乡')).toEqual([
      { found: '全镇', instead: '全乡' },
      { found: '镇人民调解委员会', instead: '乡人民调解委员会' },
    ]);
    // A village, the town's organs and common words holding 乡 or 镇 are not slips.
    expect(levelSlips('镇江村、乡镇政府、城乡统筹、健全乡村治理、石桥乡人民政府', '乡', ['镇江村'])).toEqual([]);
    expect(levelSlips('全年召开街道人民代表大会1次', '街道')).toEqual([{ found: '街道人民代表大会', instead: '人大街道工委' }]);
    expect(levelSlips('依法治镇领导小组', '街道')).toEqual([{ found: '依法治镇', instead: '依法治街' }]);
  });

  it('are listed as warnings of the assembled report', () => {
    const settings: Partial<Settings> = { townType: '乡', town: '石桥乡', partyOrg: '中共石桥乡委员会', govOrg: '石桥乡人民政府' };
    L = tempLedger({ settings });
    const spec = getReportSpec(L.ctx.db, 2023).spec;
    expect(assembleReport(L.ctx.db, 2023, spec).problems.filter((p) => p.code === 'level')).toEqual([]);
    spec.opening = [{ id: 'o1', segments: [{ type: 'text', text: '全镇上下齐心。' }] }];
    saveReportSpec(L.ctx.db, 2023, spec);
    const problems = assembleReport(L.ctx.db, 2023, getReportSpec(L.ctx.db, 2023).spec).problems.filter((p) => p.code === 'level');
    expect(problems).toEqual([{ severity: 'warning', code: 'level', message: '文中“全镇”与乡镇类型“乡”不符，应为“全乡”', anchor: 'o1' }]);
  });
});
