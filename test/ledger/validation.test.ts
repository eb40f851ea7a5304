/**
 * Validation of every kind in KINDS, on a real ledger file: one valid record of each kind is
 * accepted, and typical bad ones are refused with every error naming its field in Chinese,
 * while nothing at all is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerError, type Issue } from '@rules/errors';
import { getKind, KINDS, type FieldDef, type KindDef, type RecordData } from '@rules/kinds';
import { isRealDate, validateRecord } from '@rules/kinds/validate';
import { createRecord } from '@core/ledger/records';
import { KIND_IDS_FOR_TESTS, SAMPLES, sampleRecord, tempLedger, type TempLedger } from '../support/ledger';
import { levelText } from '@rules/town-type';

let L: TempLedger;
beforeAll(() => {
  L = tempLedger();
});
afterAll(() => L.cleanup());

const countRows = () => (L.ctx.db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
const seqRows = () => L.ctx.db.prepare('SELECT * FROM doc_number_seq ORDER BY prefix, year').all();
const HAN = /[\u4e00-\u9fff]/;

/** Creates a record that must be refused; returns its issues and checks nothing was written. */
function refused(kindId: string, data: RecordData): Issue[] {
  const before = countRows();
  const seq = JSON.stringify(seqRows());
  let err: unknown;
  try {
    createRecord(L.ctx.db, kindId, data);
  } catch (e) {
    err = e;
  }
  expect(err, `${kindId} should be refused: ${JSON.stringify(data)}`).toBeInstanceOf(LedgerError);
  const e = err as LedgerError;
  expect(e.code).toBe('VALIDATION');
  expect(e.issues.length).toBeGreaterThan(0);
  expect(countRows()).toBe(before);
  expect(JSON.stringify(seqRows())).toBe(seq); // no 统一编号 consumed either
  return e.issues;
}

/** The issue for `key`, asserting it names the field by its Chinese label. */
function issueFor(issues: Issue[], kind: KindDef, key: string): Issue {
  const i = issues.find((x) => x.field === key);
  expect(i, `expected an issue on ${kind.id}.${key}, got ${JSON.stringify(issues)}`).toBeDefined();
  const label = kind.fields.find((f) => f.key === key)!.label;
  expect(i!.fieldLabel).toBe(label);
  expect(label).toMatch(HAN);
  expect(i!.kind).toBe(kind.label);
  expect(i!.message).toMatch(HAN);
  return i!;
}

const editable = (k: KindDef) => k.fields.filter((f) => !f.managed);

describe('samples', () => {
  it('every kind in KINDS has valid samples', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...KIND_IDS_FOR_TESTS].sort());
    for (const k of KINDS) {
      for (const s of SAMPLES[k.id]) expect(validateRecord(k, s, { villages: ['石桥村', '河坝村', '场镇社区'] }).issues).toEqual([]);
    }
  });
});

describe.each(KIND_IDS_FOR_TESTS)('kind %s', (kindId) => {
  const kind = getKind(kindId)!;

  it('accepts each valid sample and stores it as given', () => {
    SAMPLES[kindId].forEach((_, v) => {
      const input = sampleRecord(kindId, v);
      const rec = createRecord(L.ctx.db, kindId, input);
      expect(rec.kind).toBe(kindId);
      expect(rec.date).toBe(input[kind.dateField]);
      expect(rec.year).toBe(Number(String(input[kind.dateField]).slice(0, 4)));
      const stored = { ...rec.data };
      if (kindId === 'normativeDoc') {
        expect(stored.number).toMatch(/^双土府规〔2023〕[1-9]\d*号$/);
        expect(stored.stage).toBe('起草');
        delete stored.number;
        delete stored.stage;
      }
      expect(stored).toEqual(input);
    });
  });

  it('refuses a record missing each required field', () => {
    for (const f of editable(kind).filter((x) => x.required)) {
      const data = sampleRecord(kindId);
      delete data[f.key];
      expect(issueFor(refused(kindId, data), kind, f.key).message).toBe('必填');
      // Blank text counts as missing.
      if (f.type === 'text')
        expect(issueFor(refused(kindId, { ...sampleRecord(kindId), [f.key]: '   ' }), kind, f.key).message).toBe('必填');
    }
  });

  it('refuses impossible and malformed dates', () => {
    for (const f of editable(kind).filter((x) => x.type === 'date')) {
      for (const bad of ['2023-02-30', '2023-13-01', '2023-04-31', '2023-2-3', '2023/03/01', '明天']) {
        const i = issueFor(refused(kindId, { ...sampleRecord(kindId), [f.key]: bad }), kind, f.key);
        expect(i.message).toMatch(/日期/);
      }
    }
  });

  it('refuses negative, fractional and non-numeric counts', () => {
    for (const f of editable(kind).filter((x) => x.type === 'int')) {
      const min = f.min ?? 0;
      expect(issueFor(refused(kindId, { ...sampleRecord(kindId), [f.key]: min - 1 }), kind, f.key).message).toBe(
        min === 0 ? '不能为负数' : `不能小于${min}`,
      );
      expect(issueFor(refused(kindId, { ...sampleRecord(kindId), [f.key]: 1.5 }), kind, f.key).message).toBe('应为整数');
      expect(issueFor(refused(kindId, { ...sampleRecord(kindId), [f.key]: '三十' }), kind, f.key).message).toBe('应为数字');
      if (f.max !== undefined)
        expect(issueFor(refused(kindId, { ...sampleRecord(kindId), [f.key]: f.max + 1 }), kind, f.key).message).toBe(`不能大于${f.max}`);
    }
  });

  it('refuses negative money and fractions of a fen', () => {
    for (const f of editable(kind).filter((x) => x.type === 'money')) {
      expect(issueFor(refused(kindId, { ...sampleRecord(kindId), [f.key]: -1 }), kind, f.key).message).toBe('金额不能为负数');
      expect(issueFor(refused(kindId, { ...sampleRecord(kindId), [f.key]: 10.005 }), kind, f.key).message).toMatch(/两位小数/);
    }
  });

  it('refuses unknown enum values', () => {
    for (const f of editable(kind).filter((x) => x.type === 'enum')) {
      const i = issueFor(refused(kindId, { ...sampleRecord(kindId), [f.key]: '不存在的选项' }), kind, f.key);
      expect(i.message).toContain('不是可选值');
      // The choices are listed in the ledger's own level words (a 镇 by default).
      expect(i.message).toContain(levelText(f.options![0], '镇'));
    }
  });

  it('refuses over-long text and line breaks in one-line text', () => {
    for (const f of editable(kind).filter((x) => x.type === 'text' || x.type === 'textarea')) {
      const max = f.max ?? (f.type === 'text' ? 200 : 2000);
      // Length counts characters (code points), not UTF-16 units: max 𠀀 (astral) fit.
      expect(validateRecord(kind, { ...sampleRecord(kindId), [f.key]: '𠀀'.repeat(max) }).issues.filter((x) => x.field === f.key)).toEqual(
        [],
      );
      const i = issueFor(refused(kindId, { ...sampleRecord(kindId), [f.key]: '字'.repeat(max + 1) }), kind, f.key);
      expect(i.message).toBe(`不能超过${max}个字（现有${max + 1}个字）`);
      if (f.type === 'text')
        expect(issueFor(refused(kindId, { ...sampleRecord(kindId), [f.key]: '第一行\n第二行' }), kind, f.key).message).toBe('不能换行');
    }
  });

  it('refuses wrong types for bool, tags and village fields', () => {
    for (const f of editable(kind)) {
      if (f.type === 'bool')
        expect(issueFor(refused(kindId, { ...sampleRecord(kindId), [f.key]: '是' }), kind, f.key).message).toMatch(/是.*否/);
      if (f.type === 'tags') {
        expect(issueFor(refused(kindId, { ...sampleRecord(kindId), [f.key]: '石桥村' }), kind, f.key).message).toBe('应为文字列表');
        expect(issueFor(refused(kindId, { ...sampleRecord(kindId), [f.key]: ['字'.repeat(51)] }), kind, f.key).message).toBe(
          '每项不能超过50个字',
        );
      }
      if (f.type === 'village') {
        expect(issueFor(refused(kindId, { ...sampleRecord(kindId), [f.key]: '不在名单村' }), kind, f.key).message).toContain(
          '不在设置的村（社区）名单中',
        );
      }
    }
  });

  it('refuses unknown fields', () => {
    const issues = refused(kindId, { ...sampleRecord(kindId), colour: '红' });
    expect(issues).toEqual([{ kind: kind.label, field: 'colour', fieldLabel: 'colour', message: `“colour”不是${kind.label}的字段` }]);
  });

  it('refuses numerators above their denominators (every lte rule)', () => {
    for (const rule of kind.rules ?? []) {
      if (rule.type !== 'lte') continue;
      const data = sampleRecord(kindId);
      for (const k of rule.left) data[k] = 5;
      data[rule.right] = 5 * rule.left.length - 1;
      // Keep the rule's other numerators/denominators consistent.
      for (const other of kind.rules ?? []) {
        if (other !== rule && other.type === 'lte' && other.right === rule.left[0]) for (const k of other.left) data[k] = 0;
      }
      const issues = refused(kindId, data);
      const i = issueFor(issues, kind, rule.left[0]);
      expect(i.message).toContain('不能大于');
      expect(i.message).toContain(kind.fields.find((f) => f.key === rule.right)!.label);
    }
  });

  it('reports every problem of a record at once', () => {
    const fieldsWithErrors = editable(kind).filter((f) => f.type === 'date' || f.type === 'enum');
    const data = { ...sampleRecord(kindId), zzz: 1 } as RecordData;
    for (const f of fieldsWithErrors) data[f.key] = f.type === 'date' ? '2023-02-30' : '？';
    const issues = refused(kindId, data);
    expect(issues.map((i) => i.field).sort()).toEqual(['zzz', ...fieldsWithErrors.map((f) => f.key)].sort());
  });
});

describe('named cross-field rules', () => {
  const training = getKind('training')!;
  const drill = getKind('drill')!;

  it('实考人数 > 应考人数 is refused', () => {
    const i = issueFor(
      refused('training', { ...sampleRecord('training', 1), examExpected: 40, examTaken: 41, examPassed: 40 }),
      training,
      'examTaken',
    );
    expect(i.message).toBe('实考人数（41）不能大于应考人数（40）');
  });

  it('合格人数 > 实考人数 is refused', () => {
    const i = issueFor(refused('training', { ...sampleRecord('training', 1), examPassed: 49 }), training, 'examPassed');
    expect(i.message).toBe('合格人数（49）不能大于实考人数（48）');
  });

  it('党员+网格员+群众 > 参演人数 is refused, equal is accepted', () => {
    const i = issueFor(refused('drill', { ...sampleRecord('drill'), participants: 79 }), drill, 'partyMembers');
    expect(i.message).toBe('其中党员+其中网格员+其中群众（80）不能大于参演人数（79）');
    expect(validateRecord(drill, { ...sampleRecord('drill'), participants: 80 }).issues).toEqual([]);
  });

  it('法治考试 needs the three exam counts', () => {
    const data = sampleRecord('training', 1);
    delete data.examExpected;
    delete data.examPassed;
    const issues = refused('training', data);
    expect(issueFor(issues, training, 'examExpected').message).toBe('活动类型为“法治考试”时必填');
    expect(issueFor(issues, training, 'examPassed').message).toBe('活动类型为“法治考试”时必填');
  });

  it('dates in the wrong order are refused', () => {
    const dispute = getKind('dispute')!;
    const i = issueFor(refused('dispute', { ...sampleRecord('dispute'), closedDate: '2023-03-01' }), dispute, 'closedDate');
    expect(i.message).toBe('不能早于登记日期（2023-03-02）');
  });

  it('a yes/no field set to 是 can require another (会前学法 → 学法内容)', () => {
    const meeting = getKind('meeting')!;
    const data = sampleRecord('meeting');
    delete data.studyContent;
    expect(issueFor(refused('meeting', data), meeting, 'studyContent').message).toBe('会前学法为“是”时必填');
  });
});

describe('normalisation', () => {
  const kind = getKind('legalAdviser')!;

  it('trims text, de-duplicates tags, accepts numeric strings and drops empty values', () => {
    const r = validateRecord(getKind('training')!, {
      ...sampleRecord('training'),
      title: '  标题  ',
      participants: '320',
      note: '  ',
      materials: null,
    });
    expect(r.issues).toEqual([]);
    expect(r.data.title).toBe('标题');
    expect(r.data.participants).toBe(320);
    expect('note' in r.data).toBe(false);
    expect('materials' in r.data).toBe(false);
    expect(validateRecord(kind, { ...sampleRecord('legalAdviser'), villages: [' 石桥村', '石桥村 ', ''] }).data.villages).toEqual([
      '石桥村',
    ]);
  });

  it('a tag list of blanks is empty (not stored as [])', () => {
    const r = validateRecord(kind, { ...sampleRecord('legalAdviser'), villages: ['  ', ''] });
    expect(r.issues).toEqual([]);
    expect('villages' in r.data).toBe(false);
  });

  it('a record that is not an object is refused, not a crash', () => {
    expect(validateRecord(kind, null as unknown as RecordData).issues).toHaveLength(1);
    expect(validateRecord(kind, [] as unknown as RecordData).issues).toHaveLength(1);
  });

  it('isRealDate knows leap years and the supported range', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('1900-01-01')).toBe(false);
    expect(isRealDate('2023-00-10')).toBe(false);
  });

  it('village is free text while no villages are set', () => {
    const f: FieldDef = getKind('drill')!.fields.find((x) => x.key === 'village')!;
    expect(validateRecord(getKind('drill')!, { ...sampleRecord('drill'), [f.key]: '任意村' }).issues).toEqual([]);
  });
});
