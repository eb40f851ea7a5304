/**
 * The 档案袋's index (PDF): per kind, every record of the year with the evidence packed for it
 * (its folder and files), the checklist items it still lacks, and any stored file left out
 * because it is missing or changed on disk. Same page style as the registers.
 */
import { esc } from '../render/html/escape';
import { printPage } from '../register/html';
import type { DossierPlan } from './model';

interface IndexSummary {
  title: string;
  generatedAt: string;
  /** Why the packed report is 未定稿; empty when it is final. */
  reportDraft: readonly string[];
}

const EXTRA_CSS = `
table { width: 99.5%; }
h2 { font-family: inherit; font-size: 12pt; margin: 5mm 0 2mm; break-after: avoid; }
.summary { font-size: 10pt; margin: 0 0 3mm; }
.summary div { margin: 0.5mm 0; }
.bad { font-weight: bold; }
td.files div { margin: 0 0 0.6mm; }
th.no { width: 4%; }
th.date { width: 8%; }
th.wide { width: 24%; }
th.files { width: 46%; }
th.miss { width: 18%; }
`;

const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const dirname = (p: string) => p.slice(0, p.lastIndexOf('/'));

export function renderIndexHtml(plan: DossierPlan, s: IndexSummary): string {
  const all = plan.kinds.flatMap((k) => k.records);
  const files = all.flatMap((r) => r.files);
  const packed = files.filter((f) => f.zipPath).length;
  const bad = files.filter((f) => f.problem);
  const lacking = all.filter((r) => r.missing.length).length;
  const summary = [
    s.reportDraft.length
      ? `<span class="bad">年度报告：未定稿（${esc(s.reportDraft.join('；'))}）</span>`
      : '年度报告：已定稿（已保存，无必须处理的问题）',
    `${all.length}条记录，${packed}个证据文件`,
    `${lacking}条记录缺少材料（见各表“缺少的材料”）`,
    bad.length
      ? `<span class="bad">${bad.length}个附件文件缺失或已被改动，未放入档案袋，请从备份恢复或重新添加</span>`
      : '附件文件均已通过校验（SHA-256）',
  ];
  const sections = plan.kinds.map((k) => {
    const rows = k.records.map((r, i) => {
      const folder = r.files.find((f) => f.zipPath)?.zipPath;
      const fileCells = r.files
        .map((f) =>
          f.zipPath ? `<div>${esc(basename(f.zipPath))}</div>` : `<div class="bad">${esc(f.name)}（${esc(f.problem ?? '')}，未放入）</div>`,
        )
        .join('');
      const where = folder ? `<div>文件夹：${esc(dirname(folder))}</div>` : '';
      return `<tr><td class="no">${i + 1}</td><td class="short">${esc(r.record.date)}</td><td>${esc(r.title)}</td><td class="files">${where}${fileCells}</td><td>${esc(r.missing.join('、'))}</td></tr>`;
    });
    return `<h2>${esc(k.folder)}（${k.records.length}条）</h2>
<table><thead><tr><th class="no">序号</th><th class="date">日期</th><th class="wide">名称</th><th class="files">档案袋中的材料</th><th class="miss">缺少的材料</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
  });
  return printPage(
    s.title,
    `<p class="scope">生成时间：${esc(s.generatedAt)}</p>
<div class="summary">${summary.map((x) => `<div>· ${x.startsWith('<') ? x : esc(x)}</div>`).join('')}</div>
${sections.join('\n') || '<p>本年度没有台账记录。</p>'}`,
    EXTRA_CSS,
  );
}
