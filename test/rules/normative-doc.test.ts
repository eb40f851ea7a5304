/**
 * The 规范性文件 lifecycle and number rules live once (rules/kinds/normative-doc.ts,
 * rules/doc-number.ts); the screens and the core import the same functions. This pins what they say.
 */
import { describe, expect, it } from 'vitest';
import { NORMATIVE_STEPS, nextStep, normativeDoc, stageOf } from '@rules/kinds/normative-doc';
import { formatDocNumber, parseDocNumber } from '@rules/doc-number';

describe('normative lifecycle', () => {
  it('offers exactly the following step from every stage, and none after 报送备案', () => {
    NORMATIVE_STEPS.forEach((stage, i) => expect(nextStep({ stage }), stage).toBe(NORMATIVE_STEPS[i + 1] ?? null));
  });

  it('reads a missing or unknown stage as 起草', () => {
    expect(stageOf({})).toBe('起草');
    expect(stageOf({ stage: '胡乱' })).toBe('起草');
    expect(nextStep({ stage: undefined })).toBe('合法性审核');
  });

  it('declares its numbering and lifecycle as hooks of the kind', () => {
    expect(normativeDoc.numbering).toMatchObject({ field: 'number', codeSetting: 'normativeCode', initial: { stage: '起草' } });
    expect(normativeDoc.checkStored?.({ stage: '合法性审核', number: 'x' }).map((i) => i.field)).toEqual(['reviewDate', 'reviewer']);
  });
});

describe('document numbers', () => {
  it('formats and parses 代字〔年〕序号号 the same way', () => {
    expect(formatDocNumber('双土府发', 2024, 12)).toBe('双土府发〔2024〕12号');
    expect(parseDocNumber('双土府发〔2024〕12号')).toEqual({ code: '双土府发', year: 2024, seq: 12 });
    expect(parseDocNumber('双土府发[2024]12号')).toBeNull();
    expect(parseDocNumber(12)).toBeNull();
  });
});
