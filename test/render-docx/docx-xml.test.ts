/**
 * The DOCX package itself: section geometry and grid, settings, styles and fonts, the body's paragraphs
 * and runs, header/signature/版记 structure, properties, and escaping of what the clerk typed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LINE_PITCH_TWIPS } from '@rules/layout';
import { renderReportDocx } from '@core/render/docx';
import type { ReportDocument } from '@rules/report/document';
import { sampleDocument, shortDocument } from '../support/sample-document';
import { attrOf, loadDocx, paragraphs, sectPr, style, tables, type DocxParts } from './docx-parts';

const withHeader = (mode: ReportDocument['header']['mode']): ReportDocument => {
  const d = sampleDocument();
  d.header.mode = mode;
  d.imprint = { cc: '县委依法治县办', issuer: '双土镇党政办公室', issueDate: '2024年1月15日' };
  return d;
};

let sample: DocxParts;
let condensed: DocxParts;

beforeAll(async () => {
  sample = await loadDocx(await renderReportDocx(sampleDocument()));
  condensed = await loadDocx(await renderReportDocx(sampleDocument(), { charGrid: 'condensed' }));
});

describe('section properties', () => {
  it('is A4 with the GB/T 9704 margins in twips', () => {
    const s = sectPr(sample.document);
    expect(attrOf(s, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attrOf(s, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attrOf(s, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attrOf(s, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attrOf(s, 'w:pgMar', 'w:left')).toBe('1587');
    expect(attrOf(s, 'w:pgMar', 'w:right')).toBe('1474');
    expect(attrOf(s, 'w:pgMar', 'w:gutter')).toBe('0');
  });

  it('has a 22-line × 28-character document grid matching the 16 pt Normal style', () => {
    const s = sectPr(sample.document);
    expect(attrOf(s, 'w:docGrid', 'w:type')).toBe('linesAndChars');
    expect(attrOf(s, 'w:docGrid', 'w:linePitch')).toBe(String(LINE_PITCH_TWIPS));
    expect(attrOf(s, 'w:docGrid', 'w:charSpace')).toBe('-848');
    // (pitch − Normal size) × 4096 only holds if Normal really is 16 pt.
    expect(style(sample.styles, 'Normal')).toContain('<w:sz w:val="32"/>');
  });

  it('condensed variant: line grid only, characters at 98 %', () => {
    const s = sectPr(condensed.document);
    expect(attrOf(s, 'w:docGrid', 'w:type')).toBe('lines');
    expect(attrOf(s, 'w:docGrid', 'w:charSpace')).toBeNull();
    expect(style(condensed.styles, 'Normal')).toContain('<w:w w:val="98"/>');
    expect(style(sample.styles, 'Normal')).not.toContain('<w:w ');
  });

  it('has odd and even footers, no distinct first page, numbering from 1', () => {
    const s = sectPr(sample.document);
    expect(s).not.toContain('w:titlePg');
    expect(s).toMatch(/<w:footerReference w:type="default"/);
    expect(s).toMatch(/<w:footerReference w:type="even"/);
    expect(s).not.toContain('w:headerReference');
    expect(attrOf(s, 'w:pgNumType', 'w:start')).toBe('1');
  });

  it('switches on different odd and even pages in settings.xml', () => {
    expect(sample.settings).toContain('<w:evenAndOddHeaders/>');
  });
});

describe('footers', () => {
  it('odd pages: “— PAGE —” right-aligned one 4号 character in from the right', () => {
    const [p] = paragraphs(sample.footers.default);
    expect(p.style).toBe('GwPageNumber');
    expect(attrOf(p.pPr, 'w:jc', 'w:val')).toBe('right');
    expect(attrOf(p.pPr, 'w:ind', 'w:right')).toBe('280');
    expect(p.xml).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(p.runs[0].text).toBe('— ');
    expect(p.runs[p.runs.length - 1].text).toBe(' —');
  });

  it('even pages: left-aligned one character in from the left', () => {
    const [p] = paragraphs(sample.footers.even);
    expect(attrOf(p.pPr, 'w:jc', 'w:val')).toBe('left');
    expect(attrOf(p.pPr, 'w:ind', 'w:left')).toBe('280');
    expect(p.xml).toContain('PAGE');
  });

  it('page numbers are 4号宋体 in every font slot', () => {
    const s = style(sample.styles, 'GwPageNumber');
    expect(s).toContain('<w:sz w:val="28"/>');
    for (const slot of ['ascii', 'hAnsi', 'eastAsia']) expect(attrOf(s, 'w:rFonts', `w:${slot}`)).toBe('宋体');
  });
});

describe('styles and fonts', () => {
  it('sets the body face in docDefaults and Normal with the object form (eastAsia + hint)', () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(sample.styles)?.[0] ?? '';
    for (const xml of [defaults, style(sample.styles, 'Normal')]) {
      expect(attrOf(xml, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
      expect(attrOf(xml, 'w:rFonts', 'w:ascii')).toBe('Times New Roman');
      expect(attrOf(xml, 'w:rFonts', 'w:hAnsi')).toBe('Times New Roman');
      expect(attrOf(xml, 'w:rFonts', 'w:hint')).toBe('eastAsia');
      expect(xml).toContain('<w:sz w:val="32"/>');
    }
    const normal = style(sample.styles, 'Normal');
    expect(attrOf(normal, 'w:spacing', 'w:line')).toBe('579');
    expect(attrOf(normal, 'w:spacing', 'w:lineRule')).toBe('exact');
    expect(normal).toContain('<w:widowControl w:val="0"/>');
  });

  it('indents body paragraphs two characters (chars for Word, twips for LibreOffice)', () => {
    const body = style(sample.styles, 'GwBody');
    expect(attrOf(body, 'w:ind', 'w:firstLineChars')).toBe('200');
    expect(attrOf(body, 'w:ind', 'w:firstLine')).toBe('640');
    expect(attrOf(body, 'w:basedOn', 'w:val')).toBe('Normal');
  });

  it.each([
    [1, '黑体'],
    [2, '楷体_GB2312'],
    [3, '仿宋_GB2312'],
    [4, '仿宋_GB2312'],
  ])('level-%i heading style: %s 16 pt, not bold, black, outline level, based on Heading N', (level, face) => {
    for (const id of [`GwHeading${level}`, `Heading${level}`]) {
      const s = style(sample.styles, id);
      expect(attrOf(s, 'w:rFonts', 'w:eastAsia')).toBe(face);
      expect(attrOf(s, 'w:rFonts', 'w:hint')).toBe('eastAsia');
      expect(s).toContain('<w:sz w:val="32"/>');
      expect(s).toMatch(/<w:b w:val="(false|0)"\/>/);
      expect(s).toMatch(/<w:i w:val="(false|0)"\/>/);
      expect(attrOf(s, 'w:color', 'w:val')).toBe('000000');
      expect(attrOf(s, 'w:outlineLvl', 'w:val')).toBe(String(level - 1));
      expect(attrOf(s, 'w:spacing', 'w:before')).toBe('0');
      expect(attrOf(s, 'w:spacing', 'w:after')).toBe('0');
      expect(attrOf(s, 'w:spacing', 'w:line')).toBe('579');
    }
    expect(attrOf(style(sample.styles, `GwHeading${level}`), 'w:basedOn', 'w:val')).toBe(`Heading${level}`);
  });

  it('title style: 2号小标宋, centred, exact grid line, not snapped to the grid', () => {
    const s = style(sample.styles, 'GwTitle');
    expect(attrOf(s, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    expect(s).toContain('<w:sz w:val="44"/>');
    expect(attrOf(s, 'w:jc', 'w:val')).toBe('center');
    expect(s).toContain('<w:snapToGrid w:val="0"/>');
    expect(attrOf(s, 'w:spacing', 'w:line')).toBe('579');
    expect(attrOf(s, 'w:spacing', 'w:lineRule')).toBe('exact');
  });

  it('has a 楷体 character style and names fallbacks in the font table', () => {
    expect(attrOf(style(sample.styles, 'GwKai'), 'w:rFonts', 'w:eastAsia')).toBe('楷体_GB2312');
    expect(sample.fontTable).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    expect(sample.fontTable).toContain('<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>');
  });
});

describe('document body', () => {
  it('puts every word of the report in order, title lines, 主送 with a full-width colon, 特此报告', () => {
    const doc = sampleDocument();
    const ps = paragraphs(sample.document);
    const texts = ps.map((p) => p.text);
    const title = ps.find((p) => p.style === 'GwTitle');
    expect(title?.xml.match(/<w:br\/>/g)?.length).toBe(doc.title.length - 1);
    expect(title?.text).toBe(doc.title.join(''));
    expect(texts).toContain('县委、县政府：');
    expect(ps.find((p) => p.text === '县委、县政府：')?.style).toBe('GwRecipients');
    const bodyTexts = doc.body.map((b) => b.runs.map((r) => r.text).join(''));
    let at = -1;
    for (const t of bodyTexts) {
      const i = texts.indexOf(t, at + 1);
      expect(i, t).toBeGreaterThan(at);
      at = i;
    }
    const closing = ps.find((p) => p.text === '特此报告');
    expect(closing?.style).toBe('GwBody');
  });

  it('keeps every ledger figure’s text', () => {
    const figures = sampleDocument().body.flatMap((b) => b.runs.filter((r) => r.figureId));
    expect(figures.length).toBeGreaterThan(10);
    const runs = paragraphs(sample.document).flatMap((p) => p.runs.map((r) => r.text));
    for (const f of figures) expect(runs, f.figureId).toContain(f.text);
  });

  it('uses the heading styles for stand-alone headings', () => {
    const ps = paragraphs(sample.document);
    const h1 = ps.filter((p) => p.style === 'GwHeading1').map((p) => p.text);
    expect(h1).toEqual(
      sampleDocument()
        .body.filter((b) => b.type === 'heading' && b.level === 1)
        .map((b) => b.runs[0].text),
    );
    // The heading's own face comes from its style, not from run formatting.
    for (const p of ps.filter((q) => q.style === 'GwHeading1')) expect(p.runs.every((r) => r.style === null)).toBe(true);
  });

  it('sets run-in level-2 headings as a 楷体 run inside the 仿宋 body paragraph', () => {
    const ps = paragraphs(sample.document).filter((p) => p.text.startsWith('（一）深入学习贯彻习近平法治思想。'));
    expect(ps).toHaveLength(1);
    const [p] = ps;
    expect(p.style).toBe('GwBody');
    expect(p.runs[0].text).toBe('（一）深入学习贯彻习近平法治思想。');
    expect(p.runs[0].style).toBe('GwKai');
    expect(p.runs.slice(1).every((r) => r.style === null)).toBe(true);
    const runIns = paragraphs(sample.document).filter((q) => q.runs[0]?.style === 'GwKai');
    expect(runIns.length).toBe(13);
  });

  it('keeps every paragraph on exact 579-twip lines (no spacing before/after anywhere)', () => {
    expect(sample.document).not.toMatch(/w:before="[1-9]/);
    expect(sample.document).not.toMatch(/w:after="[1-9]/);
    expect(sample.document).not.toContain('w:lineRule="auto"');
  });

  it('escapes what the clerk typed and drops characters XML cannot hold', async () => {
    const d = shortDocument();
    d.recipients = '<县委>&县政府';
    d.title = ['关于“A&B”<测试>的报告'];
    d.body.push({ type: 'paragraph', runs: [{ text: 'x < y && z > 0 ]]> \u0007铃' }] });
    d.meta.title = '标题 <&>';
    d.meta.author = '镇 & 政府';
    const parts = await loadDocx(await renderReportDocx(d));
    expect(parts.document).toContain('&lt;县委&gt;&amp;县政府：');
    expect(parts.document).toContain('x &lt; y &amp;&amp; z &gt; 0 ]]&gt; 铃');
    expect(parts.document).not.toContain('\u0007');
    const texts = paragraphs(parts.document).map((p) => p.text);
    expect(texts).toContain('<县委>&县政府：');
    expect(texts).toContain('关于“A&B”<测试>的报告');
    expect(parts.core).toContain('<dc:title>标题 &lt;&amp;&gt;</dc:title>');
    expect(parts.core).toContain('<dc:creator>镇 &amp; 政府</dc:creator>');
    // No raw markup characters inside any text node.
    for (const m of parts.document.matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g))
      expect(m[1]).not.toMatch(/[<>]|&(?!lt;|gt;|amp;|quot;|apos;)/);
  });

  it('is deterministic: the same document gives the same XML', async () => {
    const again = await loadDocx(await renderReportDocx(sampleDocument()));
    expect(again.document).toBe(sample.document);
    expect(again.styles).toBe(sample.styles);
    expect(again.core).toBe(sample.core);
  });
});

describe('document properties', () => {
  it('names the title and the organ, dates from the 成文日期, and no personal data', () => {
    expect(sample.core).toContain('<dc:title>关于2023年法治政府建设情况的报告</dc:title>');
    expect(sample.core).toContain('<dc:creator>中共云阳县双土镇委员会</dc:creator>');
    expect(sample.core).not.toContain('lastModifiedBy');
    expect(sample.core).not.toContain('Un-named');
    expect(sample.core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-15T00:00:00Z</dcterms:created>');
    expect(sample.core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-15T00:00:00Z</dcterms:modified>');
    expect(sample.app).not.toMatch(/<Company>|<Manager>/);
  });

  it('falls back to 1 January after the reporting year when the date is not written out', async () => {
    const d = sampleDocument();
    d.signature.date = '';
    const parts = await loadDocx(await renderReportDocx(d));
    expect(parts.core).toContain('2024-01-01T00:00:00Z');
  });
});

describe('版头', () => {
  const rowHeights = (tbl: string) => [...tbl.matchAll(/<w:trHeight [^>]*w:val="(\d+)"/g)].map((m) => Number(m[1]));

  it("mode 'none' has no header table", () => {
    expect(tables(sample.document)).toHaveLength(0);
  });

  it("mode 'red': red 发文机关标志 + 文件, 发文字号 and 签发人, red rule", async () => {
    const parts = await loadDocx(await renderReportDocx(withHeader('red')));
    const [head] = tables(parts.document);
    const texts = paragraphs(head).map((p) => p.text);
    expect(texts).toEqual(expect.arrayContaining(['中共云阳县双土镇委员会', '云阳县双土镇人民政府', '文件', '双土委文〔2024〕2号']));
    expect(texts).toContain('签发人：张三　李四');
    const mark = paragraphs(head).find((p) => p.text === '中共云阳县双土镇委员会');
    expect(mark?.runs[0].rPr).toContain('<w:color w:val="E60012"/>');
    expect(mark?.runs[0].style).toBe('GwXbs');
    expect(attrOf(mark?.pPr ?? '', 'w:jc', 'w:val')).toBe('distribute');
    expect(head).toMatch(/<w:bottom w:val="single" w:color="E60012" w:sz="8"/);
    const signer = paragraphs(head).find((p) => p.text.startsWith('签发人'));
    expect(signer?.runs.find((r) => r.text.includes('张三'))?.style).toBe('GwKai');
  });

  it("mode 'blank' leaves exactly the same height empty", async () => {
    const red = tables((await loadDocx(await renderReportDocx(withHeader('red')))).document)[0];
    const blank = tables((await loadDocx(await renderReportDocx(withHeader('blank')))).document)[0];
    expect(rowHeights(blank)).toEqual(rowHeights(red));
    expect(rowHeights(red).every((h) => h > 0)).toBe(true);
    expect(paragraphs(blank).every((p) => p.text === '')).toBe(true);
    expect(blank).not.toContain('E60012');
    // 35 mm to the 标志 (less the glyphs' offset in their line), then 2 lines, the 字号 line, 4 mm, 2 lines.
    const h = rowHeights(red);
    expect(h[0]).toBeGreaterThan(1800);
    expect(h[0]).toBeLessThanOrEqual(1984);
    expect(h[2]).toBe(2 * LINE_PITCH_TWIPS);
    expect(h[3]).toBe(LINE_PITCH_TWIPS);
    expect(h[5]).toBe(2 * LINE_PITCH_TWIPS);
  });
});

describe('signature, 附注 and 版记', () => {
  it('sealed: organs side by side on centre tabs, the date under the last organ', () => {
    const ps = paragraphs(sample.document);
    const organs = ps.find((p) => p.text === '\t中共云阳县双土镇委员会\t云阳县双土镇人民政府');
    expect(organs?.style).toBe('GwSignature');
    const tabs = [...(organs?.pPr ?? '').matchAll(/<w:tab w:val="center" w:pos="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(tabs).toHaveLength(2);
    // Seals of 42 mm (2381 twips) must not touch.
    expect(tabs[1] - tabs[0]).toBeGreaterThan(2381);
    const date = ps[ps.indexOf(organs!) + 1];
    expect(date.text).toBe('\t2024年1月15日');
    expect(date.pPr).toContain(`<w:tab w:val="center" w:pos="${tabs[1]}"/>`);
    // Two blank lines above for the seals, 附注 right after the date.
    const i = ps.indexOf(organs!);
    expect(ps[i - 1].text).toBe('');
    expect(ps[i - 2].text).toBe('');
    expect(ps[i - 3].text).toBe('特此报告');
    expect(ps[i + 2].text).toBe('（此件公开发布）');
    expect(ps[i + 2].style).toBe('GwBody');
  });

  it('unsealed: organs stacked two characters in from the right, date two characters right of the organ', async () => {
    const d = sampleDocument();
    d.signature.layout = 'unsealed';
    const ps = paragraphs((await loadDocx(await renderReportDocx(d))).document);
    const a = ps.findIndex((p) => p.text === '中共云阳县双土镇委员会');
    expect(ps[a - 1].text).toBe('');
    expect(ps[a - 2].text).toBe('特此报告');
    expect(ps[a + 1].text).toBe('云阳县双土镇人民政府');
    expect(ps[a + 2].text).toBe('2024年1月15日');
    const left = (i: number) => Number(attrOf(ps[i].pPr, 'w:ind', 'w:left'));
    // 版心 8845 twips, a grid character 315.86: first organ ends two characters from the right.
    expect(left(a) + 11 * 315.86).toBeCloseTo(8845 - 2 * 315.86, -1);
    expect(left(a + 2) - left(a + 1)).toBeCloseTo(2 * 315.86, -1);
  });

  it('版记: a table floated to the bottom of the 版心, thick-thin-thick rules, 抄送 with full stop, 印发', async () => {
    const parts = await loadDocx(await renderReportDocx(withHeader('none')));
    const [imprint] = tables(parts.document);
    expect(imprint).toMatch(/<w:tblpPr [^>]*w:vertAnchor="margin"/);
    expect(imprint).toMatch(/<w:tblpPr [^>]*w:tblpYSpec="bottom"/);
    const texts = paragraphs(imprint).map((p) => p.text);
    expect(texts).toEqual(['抄送：县委依法治县办。', '双土镇党政办公室\t2024年1月15日印发']);
    expect(imprint.match(/<w:top w:val="single" w:color="000000" w:sz="8"/g)).toHaveLength(1);
    expect(imprint.match(/<w:top w:val="single" w:color="000000" w:sz="6"/g)).toHaveLength(1);
    expect(imprint.match(/<w:bottom w:val="single" w:color="000000" w:sz="8"/g)).toHaveLength(1);
    // Anchored on the last paragraph (the 附注), so it lands on the last page.
    const afterTable = parts.document.slice(parts.document.lastIndexOf('</w:tbl>'));
    expect(paragraphs(afterTable).map((p) => p.text)).toEqual(['（此件公开发布）']);
  });
});
