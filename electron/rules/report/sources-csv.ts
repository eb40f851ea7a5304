/**
 * The 数据来源附表 as a CSV that Excel opens (UTF-8 BOM, CRLF): one line per record behind each
 * figure, hand-typed values marked as such. Pure, so the renderer builds the download from it too.
 * Every cell goes through spreadsheetText: titles are typed (or imported) text, and one starting
 * with = + - @ would otherwise run as a formula when the clerk opens the file.
 */
import { spreadsheetText } from '../spreadsheet-text';

export interface SourceRow {
  figureId: string;
  name: string;
  display: string;
  period: { from: number; to: number };
  /** A value the clerk typed in; it has no records. */
  manual: boolean;
  records: { id: string; kind: string; date: string; title: string }[];
}

const csvCell = (v: string | number) => {
  const s = spreadsheetText(String(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function sourcesCsv(rows: readonly SourceRow[]): string {
  const lines = [['指标', '报告中的数值', '统计期间', '记录编号', '台账类型', '日期', '名称'].join(',')];
  for (const r of rows) {
    if (r.manual) {
      lines.push([r.name, r.display, '', '', '', '', '（手填，不由台账计算）'].map(csvCell).join(','));
      continue;
    }
    const period = r.period.from === r.period.to ? `${r.period.to}年` : `${r.period.from}—${r.period.to}年`;
    if (!r.records.length) lines.push([r.name, r.display, period, '', '', '', '（无记录）'].map(csvCell).join(','));
    for (const x of r.records) lines.push([r.name, r.display, period, x.id, x.kind, x.date, x.title].map(csvCell).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
