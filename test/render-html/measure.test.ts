/** The PDF measuring helper on a hand-written pdftotext -bbox-layout document. */
import { describe, expect, it } from 'vitest';
import { allWide, charCount, DEFAULT_ASCENT_RATIO, MM_PER_PT, parseBboxLayout } from './measure';

const word = (x0: number, y0: number, x1: number, y1: number, t: string) =>
  `<word xMin="${x0}" yMin="${y0}" xMax="${x1}" yMax="${y1}">${t}</word>`;

// Two flows on one baseline (as pdftotext emits side-by-side 署名), one line below, and a page number.
const XHTML = `<doc><page width="595.28" height="841.89"><flow><block><line>
${word(100, 100, 200, 126, '中共某镇委员会')}</line></block></flow><flow><block><line>
${word(300, 100.4, 400, 126.4, '某镇人民政府')}</line></block></flow><flow><block><line>
${word(80, 130, 120, 156, '2024年')}${word(125, 130, 140, 156, '&lt;&amp;&gt;')}</line></block></flow>
<flow><block><line>${word(460, 770, 470, 790, '—')}${word(474, 770, 480, 790, '3')}${word(484, 770, 494, 790, '—')}</line></block></flow>
</page><page width="595.28" height="841.89"></page></doc>`;

describe('parseBboxLayout', () => {
  const pages = parseBboxLayout(XHTML);

  it('reads pages in millimetres', () => {
    expect(pages).toHaveLength(2);
    expect(pages[0].widthMm).toBeCloseTo(210, 0);
    expect(pages[0].heightMm).toBeCloseTo(297, 0);
    expect(pages[1].rows).toEqual([]);
  });

  it('groups words on one baseline into rows, left to right, whatever flow they came from', () => {
    const [names, date, num] = pages[0].rows;
    expect(pages[0].rows).toHaveLength(3);
    expect(names.words.map((w) => w.text)).toEqual(['中共某镇委员会', '某镇人民政府']);
    expect(names.text).toBe('中共某镇委员会某镇人民政府');
    expect(names.xMin).toBeCloseTo(100 * MM_PER_PT);
    expect(names.xMax).toBeCloseTo(400 * MM_PER_PT);
    expect(names.words[0].baseline).toBeCloseTo((100 + 26 * DEFAULT_ASCENT_RATIO) * MM_PER_PT);
    expect(date.text).toBe('2024年 <&>');
    expect(num.text).toBe('— 3 —');
  });

  it('counts characters as a reader does', () => {
    expect(charCount('— 3 —')).toBe(3);
    expect(allWide('法治政府，建设。')).toBe(true);
    expect(allWide('2023年')).toBe(false);
  });
});
