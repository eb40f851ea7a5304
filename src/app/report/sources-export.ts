/**
 * 数据来源附表 (report.sources) for internal review, never sent with the report: every figure
 * the report uses with the records behind it, as JSON or as a CSV that Excel opens (UTF-8 BOM).
 * Values the clerk typed in (手填) have no records; they are listed too, marked as such.
 */
import { call } from '../lib/api';
import { downloadBytes } from './download';

interface SourceRow {
  figureId: string;
  name: string;
  display: string;
  period: { from: number; to: number };
  records: { id: string; kind: string; date: string; title: string }[];
}

export interface ManualValue {
  name: string;
  value: string;
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function sourcesCsv(rows: readonly SourceRow[], manual: readonly ManualValue[] = []): string {
  const lines = [['指标', '报告中的数值', '统计期间', '记录编号', '台账类型', '日期', '名称'].join(',')];
  for (const r of rows) {
    const period = r.period.from === r.period.to ? `${r.period.to}年` : `${r.period.from}—${r.period.to}年`;
    if (!r.records.length) lines.push([r.name, r.display, period, '', '', '', '（无记录）'].map(csvCell).join(','));
    for (const x of r.records) lines.push([r.name, r.display, period, x.id, x.kind, x.date, x.title].map(csvCell).join(','));
  }
  for (const m of manual) lines.push([m.name, m.value, '', '', '', '', '（手填，不由台账计算）'].map(csvCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

export async function exportSources(year: number, format: 'csv' | 'json', manual: readonly ManualValue[]): Promise<string> {
  const rows = (await call('report.sources', { year })) as SourceRow[];
  const fileName = `数据来源附表_${year}年_仅供内部核对.${format}`;
  if (format === 'csv') downloadBytes(fileName, 'text/csv;charset=utf-8', sourcesCsv(rows, manual));
  else downloadBytes(fileName, 'application/json', JSON.stringify({ note: '仅供内部核对，不随报告报送', year, figures: rows, manual }, null, 2));
  return fileName;
}
