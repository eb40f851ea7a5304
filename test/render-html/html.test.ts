/** Pure tests of the HTML string: escaping of ledger text, figure links, anchors, no scripts or remote resources. */
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '@core/render/html';
import type { ReportDocument } from '@rules/report/document';
import { sampleDocument, shortDocument } from '../support/sample-document';

const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)> "引号" \'单引号\'';

function hostileDocument(): ReportDocument {
  const doc = shortDocument();
  doc.header = { ...doc.header, mode: 'red', organs: [hostile], docNumber: hostile, signers: [hostile] };
  doc.title = [hostile];
  doc.recipients = hostile;
  doc.body = [
    { type: 'heading', level: 1, runs: [{ text: hostile }], anchor: 'sec"><script>x</script>' },
    { type: 'paragraph', runs: [{ text: hostile }, { text: '906张', figureId: 'a"b<c>&d' }] },
  ];
  doc.closing = hostile;
  doc.signature = { organs: [hostile], date: hostile, layout: 'unsealed' };
  doc.note = hostile;
  doc.imprint = { cc: hostile, issuer: hostile, issueDate: hostile };
  doc.meta = { ...doc.meta, title: hostile, author: hostile };
  return doc;
}

describe('renderReportHtml', () => {
  it('escapes < & " in every piece of ledger text', () => {
    const html = renderReportHtml(hostileDocument(), { fontWarnings: [hostile] });
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('data-figure-id="a&quot;b&lt;c&gt;&amp;d"');
    expect(html).toContain('id="sec&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    // Every occurrence of the hostile text was escaped: none survives raw.
    expect(html.split(hostile).length).toBe(1);
  });

  it('marks every figure run with its id and keeps the visible text', () => {
    const doc = sampleDocument();
    const html = renderReportHtml(doc);
    const ids = doc.body.flatMap((b) => b.runs).filter((r) => r.figureId);
    expect(ids.length).toBeGreaterThan(10);
    for (const run of ids) expect(html).toContain(`data-figure-id="${run.figureId}">${run.text}</span>`);
  });

  it('puts anchors on blocks as ids', () => {
    const doc = shortDocument();
    doc.body[1] = { ...doc.body[1], anchor: 'part-1' };
    expect(renderReportHtml(doc)).toMatch(/<h2 class="[^"]*" id="part-1">一、主要举措和成效<\/h2>/);
  });

  it('is self-contained: no scripts, no external resources, no style attributes, one stylesheet', () => {
    for (const mode of ['red', 'blank', 'none'] as const) {
      const doc = sampleDocument();
      doc.header.mode = mode;
      doc.imprint = { cc: '县委依法治县办', issuer: '双土镇党政办公室', issueDate: '2024年1月15日' };
      const html = renderReportHtml(doc);
      expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(|@import|https?:|src=|href=|style="/i);
      expect(html.match(/<style>/g)).toHaveLength(1);
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    }
  });

  it('writes the page, grid and page-number rules', () => {
    const html = renderReportHtml(sampleDocument());
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(html).toMatch(/@page :right \{ @bottom-right \{\s*content: "— " counter\(page\) " —"/);
    expect(html).toMatch(/@page :left \{ @bottom-left \{\s*content: "— " counter\(page\) " —"/);
    expect(html).toContain('line-break: strict');
    expect(html).toMatch(/orphans: 1; widows: 1/);
  });

  it('draws the red 版头 only in red mode and keeps its height in blank mode', () => {
    const render = (mode: 'red' | 'blank' | 'none') => {
      const doc = sampleDocument();
      doc.header.mode = mode;
      return renderReportHtml(doc);
    };
    const red = render('red');
    const blank = render('blank');
    expect(red).toContain(
      '<div class="mark"><div class="mark-organs"><div>中共云阳县双土镇委员会</div><div>云阳县双土镇人民政府</div></div><div class="mark-suffix">文件</div></div>',
    );
    expect(red).toContain('双土委文〔2024〕2号');
    expect(red).toContain('签发人：');
    expect(blank).toContain('<header class="banner" aria-hidden="true"></header>');
    expect(blank).not.toContain('双土委文');
    const height = (html: string) => /\.banner \{ position: relative; height: ([\d.]+)px; \}/.exec(html)?.[1];
    expect(height(blank)).toBe(height(red));
    expect(render('none')).not.toContain('class="banner');
  });

  it('records font warnings as metadata', () => {
    const html = renderReportHtml(shortDocument(), { fontWarnings: ['未安装仿宋_GB2312，已用仿宋代替'] });
    expect(html).toContain('<meta name="font-warning" content="未安装仿宋_GB2312，已用仿宋代替">');
  });
});
