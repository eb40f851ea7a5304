import { describe, expect, it } from 'vitest';
import { hasListSeparator, splitItems, splitList } from '@rules/list-split';

describe('splitting a typed or pasted list', () => {
  it('splits on 、，, ; ； / and line breaks, trimming and dropping empties and repeats', () => {
    expect(splitList('中心村，新民村')).toEqual(['中心村', '新民村']);
    expect(splitList('东山村、 西山村,北山村;南山村；河坝村/石桥村\r\n场镇社区\n\n中心村\t新民村、中心村')).toEqual([
      '东山村',
      '西山村',
      '北山村',
      '南山村',
      '河坝村',
      '石桥村',
      '场镇社区',
      '中心村',
      '新民村',
    ]);
    expect(splitList(' ，、 ')).toEqual([]);
  });

  it('flattens items that hold separators, keeping the first spelling', () => {
    expect(splitItems(['东山村', '中心村，新民村', '东山村'])).toEqual(['东山村', '中心村', '新民村']);
    expect(hasListSeparator('中心村，新民村')).toBe(true);
    expect(hasListSeparator('中心村')).toBe(false);
  });
});
