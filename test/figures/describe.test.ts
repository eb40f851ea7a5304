/** The 帮助 page's 「报告数字从哪里来」 wording: every catalogue figure in the kinds' own labels, never a field key. */
import { describe, expect, it } from 'vitest';
import { KINDS } from '@rules/kinds';
import { FIGURES } from '@rules/figures/catalogue';
import { describeFigure, describeMeasure } from '@rules/figures/describe';

const kinds = new Map(KINDS.map((k) => [k.id, k]));

describe('describeFigure', () => {
  it('reads a count with its conditions in the kind’s words', () => {
    expect(
      describeMeasure(
        { kind: 'meeting', where: { meetingType: ['党委会议', '政府常务会议'], lawTopic: true }, agg: { type: 'count' } },
        kinds,
      ),
    ).toBe(
      `「会议」台账中${kinds.get('meeting')!.fields.find((f) => f.key === 'meetingType')!.label}为“党委会议”或“政府常务会议”，${kinds.get('meeting')!.fields.find((f) => f.key === 'lawTopic')!.label}为“是”的条数`,
    );
  });

  it('tells near-named figures apart by their denominator or filter, in one sentence each', () => {
    const text = (id: string) =>
      describeFigure(
        FIGURES.find((f) => f.id === id)!,
        kinds,
      );
    expect(text('dispute.successRate')).toBe(
      '「矛盾纠纷」台账中结果为“调解成功”的条数，除以分母：「矛盾纠纷」台账中结果为“调解成功”或“调解不成功”或“转诉讼”或“转信访”的条数',
    );
    expect(text('dispute.resolvedRate')).toBe('「矛盾纠纷」台账中结果为“调解成功”的条数，除以分母：「矛盾纠纷」台账中全部记录的条数');
    expect(text('officer.certified')).toBe(
      '「执法人员」台账中持有执法证为“是”，当年在册（离岗日期未早于年初），证件有效期至未早于年末（12月31日仍有效）的条数',
    );
    expect(text('officer.newlyCertified')).toBe('「执法人员」台账中持有执法证为“是”，发证日期在当年的条数');
    expect(text('legalAdviser.count')).toContain('类别不为“村（社区）”（未填的也计入）');
    expect(text('accountability.rectifyRate')).toContain('除以分母：「责任落实」台账中事项类型为“督察考核整改”的“问题数”之和');
    // No two figures read the same but 罚单张数 and 行政处罚案件数: the same penalties under the two names reports use.
    const same = FIGURES.filter((f, i) => FIGURES.findIndex((g) => describeFigure(g, kinds) === describeFigure(f, kinds)) !== i);
    expect(same.map((f) => f.id)).toEqual(['enforcement.penaltyCases']);
  });

  it('names no field by its key in any catalogue figure', () => {
    for (const f of FIGURES) {
      const text = describeFigure(f, kinds);
      const measures = f.value.type === 'rate' ? [f.value.numerator, f.value.denominator] : [f.value.measure];
      for (const m of measures) {
        expect(text, f.id).toContain(`「${kinds.get(m.kind)!.label}」`);
        const keys = [
          ...Object.keys(m.where ?? {}),
          ...(m.anyOf ?? []).flatMap((w) => Object.keys(w)),
          ...('field' in m.agg ? [m.agg.field] : []),
        ];
        for (const key of keys) expect(text, `${f.id}: ${key}`).not.toMatch(new RegExp(`(^|[^A-Za-z])${key}([^A-Za-z]|$)`));
      }
    }
  });
});
