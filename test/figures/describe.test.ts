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
