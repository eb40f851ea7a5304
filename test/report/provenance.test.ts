import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { callApi } from '@core/api';
import { exportReport } from '@core/report/export';
import { FIGURES } from '@rules/figures/catalogue';
import { getKind } from '@rules/kinds';
import type { Measure } from '@rules/figures/types';
import { shuangtuLedger } from './support';

let env: ReturnType<typeof shuangtuLedger> | undefined;
afterEach(() => env?.cleanup());

const ok = async (name: string, payload: unknown) => {
  const r = await callApi(env!.ctx, name, payload);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as any;
};

describe('provenance of an output', () => {
  it('records an exported file only after it is written', async () => {
    env = shuangtuLedger();
    // A folder where the file should go: the rename onto it fails, so nothing may be recorded.
    const blocked = path.join(env.dir, 'blocked.html');
    fs.mkdirSync(blocked);
    fs.writeFileSync(path.join(blocked, 'keep'), 'x');
    await expect(exportReport(env.ctx, 2023, blocked)).rejects.toThrow(/无法写入文件/);
    expect((await ok('report.staleness', { year: 2023 })).output).toBeNull();

    const file = path.join(env.dir, 'report.html');
    await exportReport(env.ctx, 2023, file);
    expect(fs.readFileSync(file, 'utf8')).toContain('2023年法治政府建设情况的报告');
    expect((await ok('report.staleness', { year: 2023 })).output).toMatchObject({ format: 'html' });
  });

  it('says plainly which records changed after printing and which figures they affect', async () => {
    env = shuangtuLedger();
    expect((await ok('report.staleness', { year: 2023 })).output).toBeNull();
    await ok('report.recordOutput', { year: 2023, format: 'print' });
    expect((await ok('report.staleness', { year: 2023 })).changedRecords).toBe(0);

    const drills = await ok('records.list', { kind: 'drill', year: 2023, pageSize: 3 });
    for (const r of drills.rows) await ok('records.update', { id: r.id, data: { ...r.data, participants: r.data.participants + 1 } });
    const s = await ok('report.staleness', { year: 2023 });
    expect(s.changedRecords).toBe(3);
    expect(s.message).toMatch(/^打印后有3条台账记录被修改，影响/);
    expect(s.figures.map((f: { figureId: string }) => f.figureId)).toContain('drill.participants');
    expect(s.figures.find((f: { figureId: string }) => f.figureId === 'drill.participants')).toMatchObject({
      modified: 3,
      printed: '1200余人次',
    });
  });

  it('exports a 数据来源附表 listing the records behind each figure', async () => {
    env = shuangtuLedger();
    const table = await ok('report.sources', { year: 2023 });
    const tickets = table.find((x: { figureId: string }) => x.figureId === 'enforcement.tickets');
    expect(tickets.records).toHaveLength(48);
    expect(tickets.records[0]).toMatchObject({ kind: '行政执法' });
  });
});

describe('the 数据来源附表', () => {
  it('lists a hand-typed value, marked manual and without records', async () => {
    env = shuangtuLedger();
    const got = await ok('report.get', { year: 2023 });
    const spec = structuredClone(got.spec);
    const para = spec.sections[0].children[3].paragraphs[0];
    const i = para.segments.findIndex((x: { figureId?: string }) => x.figureId === 'meeting.party.count');
    para.segments[i] = { ...para.segments[i], manual: '十余次' };
    await ok('report.save', { year: 2023, spec });
    const rows = await ok('report.sources', { year: 2023 });
    expect(rows.find((r: { manual: boolean }) => r.manual)).toMatchObject({
      figureId: 'meeting.party.count',
      display: '十余次',
      records: [],
    });
    expect(
      rows.filter((r: { manual: boolean }) => !r.manual).every((r: { figureId: string }) => r.figureId !== 'meeting.party.count'),
    ).toBe(true);
  });
});

describe('the figure catalogue', () => {
  const measures = (f: (typeof FIGURES)[number]): Measure[] =>
    f.value.type === 'rate' ? [f.value.numerator, f.value.denominator] : [f.value.measure];

  it('only queries fields and values the ledger kinds define', () => {
    for (const f of FIGURES) {
      for (const m of measures(f)) {
        const kind = getKind(m.kind);
        expect(kind, `${f.id}: kind ${m.kind}`).toBeDefined();
        const field = (key: string) => kind!.fields.find((x) => x.key === key);
        for (const [key, v] of Object.entries(m.where ?? {})) {
          const def = field(key);
          expect(def, `${f.id}: ${m.kind}.${key}`).toBeDefined();
          const values = typeof v === 'object' && !Array.isArray(v) && 'notIn' in v ? v.notIn : Array.isArray(v) ? v : [v];
          for (const value of values) {
            if (def!.type === 'enum') expect(def!.options, `${f.id}: ${key}=${String(value)}`).toContain(value);
            if (def!.type === 'bool') expect(typeof value).toBe('boolean');
          }
        }
        if (m.agg.type === 'sum') expect(['int', 'money']).toContain(field(m.agg.field)?.type);
        if (m.agg.type === 'distinctTags') expect(field(m.agg.field)?.type).toBe('tags');
      }
    }
  });

  it('has unique ids and computes every figure for an empty year without throwing', async () => {
    env = shuangtuLedger();
    expect(new Set(FIGURES.map((f) => f.id)).size).toBe(FIGURES.length);
    const all = await ok('figures.list', { year: 1999 });
    expect(all).toHaveLength(FIGURES.length);
    for (const f of all) if (f.unit === '%') expect(f.ok).toBe(false);
  });
});
