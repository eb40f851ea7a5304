/**
 * Checks before printing: missing settings, empty sections, periods that
 * differ from the report year, and the punctuation slips real reports show. Each problem names
 * the place (anchor = section or paragraph id) so the editor can jump to it.
 */
import type { Settings } from '@rules/settings';
import type { Block, ReportDocument } from '@rules/report/document';
import type { ReportSpec, SectionSpec } from '@rules/report/spec';
import type { Problem } from '@rules/api/report';
import { levelSlips } from '@rules/report/level-phrases';

const CJK = '\\u3400-\\u9fff\\uff08\\uff09\\u3001\\u3002\\uff0c\\uff1b\\uff1a';
const HALF_PUNCT = new RegExp(`[${CJK}][,;:?!]|[,;:?!][${CJK}]`);
const STRAY_SPACE = new RegExp(`[${CJK}][ \\u3000\\t]+[0-9${CJK}]|[ \\u3000\\t]+[0-9]+(?=[${CJK}])`);

const plainText = (b: Block) =>
  b.runs
    .filter((r) => !r.figureId)
    .map((r) => r.text)
    .join('');
const allText = (b: Block) => b.runs.map((r) => r.text).join('');
const snippet = (s: string, at: number) => s.slice(Math.max(0, at - 6), at + 8);

function settingsProblems(doc: ReportDocument, spec: ReportSpec, s: Settings, year: number): Problem[] {
  const out: Problem[] = [];
  const need = (ok: unknown, what: string, severity: Problem['severity'] = 'blocking') => {
    if (!ok) out.push({ severity, code: 'setting', message: `缺少设置：${what}`, anchor: 'settings' });
  };
  doc.header.organs.forEach((o, i) =>
    need(o, i === 0 && doc.header.organs.length > 1 ? '党委全称' : doc.header.organs.length > 1 ? '政府全称' : '发文机关全称'),
  );
  need(spec.settings.docCode, '发文代字');
  need(doc.recipients, '主送机关');
  need(s.town, '乡镇名称', 'warning');
  if (doc.header.mode === 'red') need(doc.header.signers.length, '签发人（上行文应标注签发人）', 'warning');
  const signYear = Number(spec.settings.signDate.slice(0, 4));
  if (signYear < year)
    out.push({
      severity: 'blocking',
      code: 'period',
      message: `成文日期${doc.signature.date}早于报告年度${year}年结束`,
      anchor: 'settings',
    });
  if (spec.settings.imprint && !spec.settings.issuer) need(false, '印发机关（已选择打印版记）');
  // A 版记 without its date prints an empty 印发 line; say so before the first print.
  if (spec.settings.imprint && !spec.settings.issueDate) need(false, '印发日期（已选择打印版记）', 'warning');
  return out;
}

function emptySections(sections: SectionSpec[], out: Problem[]) {
  for (const sec of sections) {
    const hasText = sec.paragraphs.some((p) => p.segments.some((x) => x.type !== 'text' || x.text.trim()));
    if (!hasText && !sec.children?.length)
      out.push({ severity: 'warning', code: 'empty', message: `“${sec.heading}”一节没有内容`, anchor: sec.id });
    emptySections(sec.children ?? [], out);
  }
}

function textProblems(b: Block, year: number): Problem[] {
  const out: Problem[] = [];
  const anchor = b.anchor;
  const text = plainText(b);
  for (const m of text.matchAll(/((?:19|20)\d{2})年(以来)?/g)) {
    const y = Number(m[1]);
    if (y !== year && y !== year + 1) {
      out.push({
        severity: 'warning',
        code: 'period',
        message: `文中“${snippet(text, m.index!)}”提到${y}年，与报告年度${year}年不一致`,
        anchor,
      });
    } else if (m[2] && y !== year) {
      out.push({ severity: 'warning', code: 'period', message: `“${m[0]}”与报告年度${year}年不一致`, anchor });
    }
  }
  const half = HALF_PUNCT.exec(text);
  if (half) out.push({ severity: 'warning', code: 'punct', message: `中文中夹有半角标点：“${snippet(text, half.index)}”`, anchor });
  if (/[()]/.test(text))
    out.push({
      severity: 'warning',
      code: 'punct',
      message: `中文中使用了半角括号“(”或“)”：“${snippet(text, text.search(/[()]/))}”`,
      anchor,
    });
  const full = allText(b);
  const space = STRAY_SPACE.exec(full);
  if (space) out.push({ severity: 'warning', code: 'space', message: `多余的空格：“${snippet(full, space.index).trim()}”`, anchor });
  const open = (full.match(/[（(]/g) ?? []).length;
  const close = (full.match(/[）)]/g) ?? []).length;
  if (open !== close) out.push({ severity: 'warning', code: 'punct', message: '括号不成对', anchor });
  return out;
}

function headingEndings(blocks: Block[]): Problem[] {
  const out: Problem[] = [];
  for (const b of blocks) {
    if (b.type !== 'heading') continue;
    const t = allText(b);
    if (/[。；，：]$/.test(t))
      out.push({ severity: 'warning', code: 'heading', message: `独立成行的标题末尾不加标点：“${t}”`, anchor: b.anchor });
  }
  return out;
}

/** Words typed for another level than 设置's 乡镇类型 (全镇 in a 乡's report, a 街道人民代表大会). */
function levelProblems(b: Block, s: Settings): Problem[] {
  const names = [s.town, s.county, s.partyOrg, s.govOrg, s.issuer, ...s.villages];
  return levelSlips(allText(b), s.townType, names).map((slip) => ({
    severity: 'warning',
    code: 'level',
    message:
      slip.found === '街道人民代表大会'
        ? `文中“${slip.found}”并不存在：街道不设人民代表大会，应为“${slip.instead}”`
        : `文中“${slip.found}”与乡镇类型“${s.townType}”不符，应为“${slip.instead}”`,
    anchor: b.anchor,
  }));
}

export function checkReport(doc: ReportDocument, spec: ReportSpec, s: Settings, year: number): Problem[] {
  const out = settingsProblems(doc, spec, s, year);
  emptySections(spec.sections, out);
  for (const b of doc.body) out.push(...textProblems(b, year), ...levelProblems(b, s));
  out.push(...headingEndings(doc.body));
  if (doc.note && /[()]/.test(doc.note))
    out.push({ severity: 'warning', code: 'punct', message: `附注应使用全角括号：${doc.note}`, anchor: 'settings' });
  return out;
}

export const hasBlocking = (problems: Problem[]) => problems.some((p) => p.severity === 'blocking');

export type { Problem };
