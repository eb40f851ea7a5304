/**
 * Every text that enters passes the ledger's one text check (@rules/kinds/validate textProblem):
 * controls, direction overrides, lone surrogates, zero-width characters and the Unicode line
 * separators are refused in custom figures, attachment names, settings and records, with a Chinese
 * message; `__proto__`, `constructor` and `prototype` are never accepted as keys (a where-clause
 * keyed `__proto__` used to be saved as an empty one, counting every record); a custom figure's
 * dates must exist and only a rate may have the unit %.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '@core/api';
import type { FigureDef } from '@rules/figures/types';
import { ledgerPerTest } from '../support/ledger';
import { CONTRACT_REVIEWS } from '../support/samples';
import { meeting } from '../backup/helpers';

const newLedger = ledgerPerTest();
const BAD_TEXT = [
  '含\u0000空字符',
  '含\u0001控制',
  '方向\u202e覆盖',
  '零宽\u200b空格',
  '字节\ufeff序',
  '换行\u2028符',
  '段落\u2029符',
  '代理\ud800项',
];

async function refusedWith(ctx: Parameters<typeof callApi>[0], name: string, input: unknown): Promise<string> {
  const r = await callApi(ctx, name as never, input as never);
  if (r.ok) throw new Error(`${name} accepted ${JSON.stringify(input)}`);
  return `${r.error.message} ${r.error.issues.map((i) => i.message).join(' ')}`;
}

describe('custom figures', () => {
  it('names, units and phrases with hostile characters are refused', async () => {
    const L = newLedger();
    for (const t of BAD_TEXT) {
      expect(await refusedWith(L.ctx, 'figures.custom.save', { def: { ...CONTRACT_REVIEWS, name: t } })).toMatch(/含有/);
      expect(await refusedWith(L.ctx, 'figures.custom.save', { def: { ...CONTRACT_REVIEWS, zeroPhrase: t } })).toMatch(/含有/);
    }
  });

  it('__proto__, constructor and prototype are refused as where keys, never saved as an empty where', async () => {
    const L = newLedger();
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = `{"def":${JSON.stringify(CONTRACT_REVIEWS).replace('"where":{', `"where":{"${key}":{"contains":"x"},`)}}`;
      const input = JSON.parse(text) as { def: FigureDef };
      expect(Object.keys(input.def.value.type === 'sum' ? input.def.value.measure.where! : {})).toContain(key);
      expect(await refusedWith(L.ctx, 'figures.custom.save', input)).toContain(`“${key}”不能用作名称`);
    }
    const list = await callApi(L.ctx, 'figures.custom.list', {});
    expect(list.ok && list.value).toEqual([]);
  });

  it('a date that does not exist and % on a count are refused', async () => {
    const L = newLedger();
    const count: FigureDef = {
      ...CONTRACT_REVIEWS,
      unit: '件',
      value: { type: 'count', measure: { kind: 'meeting', where: { date: { from: '2023-13-01' } }, agg: { type: 'count' } } },
    };
    expect(await refusedWith(L.ctx, 'figures.custom.save', { def: count })).toContain('日期“2023-13-01”不存在');
    const percent: FigureDef = { ...count, unit: '%', value: { type: 'count', measure: { kind: 'meeting', agg: { type: 'count' } } } };
    expect(await refusedWith(L.ctx, 'figures.custom.save', { def: percent })).toContain('只有比率的单位可以是“%”');
  });
});

describe('attachment names, settings and records', () => {
  it('each hostile text is refused in Chinese', async () => {
    const L = newLedger();
    const rec = await callApi(L.ctx, 'records.create', { kind: 'meeting', data: meeting(1) });
    if (!rec.ok) throw new Error(rec.error.message);
    const src = path.join(L.dir, 'a.jpg');
    fs.writeFileSync(src, 'x');
    for (const t of BAD_TEXT.filter((x) => !/[\u0000\u0001]/.test(x))) {
      expect(
        await refusedWith(L.ctx, 'attachments.add', { recordId: (rec.value as { id: string }).id, sourcePath: src, name: `${t}.jpg` }),
      ).toMatch(/附件名称[\s\S]*含有/);
    }
    for (const t of BAD_TEXT) {
      expect(await refusedWith(L.ctx, 'settings.save', { settings: { partyOrg: t } })).toMatch(/含有/);
      expect(await refusedWith(L.ctx, 'records.create', { kind: 'meeting', data: { ...meeting(2), title: t } })).toMatch(/含有/);
    }
  });
});
