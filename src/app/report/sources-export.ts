/**
 * 数据来源附表 (report.sources) for internal review, never sent with the report: every figure
 * the report uses with the records behind it (手填 values marked), as JSON or as CSV.
 */
import { sourcesCsv } from '@rules/report/sources-csv';
import { call } from '../lib/api';
import { downloadBytes } from '../lib/download';

export async function exportSources(year: number, format: 'csv' | 'json'): Promise<string> {
  const rows = await call('report.sources', { year });
  const fileName = `数据来源附表_${year}年_仅供内部核对.${format}`;
  if (format === 'csv') downloadBytes(fileName, 'text/csv;charset=utf-8', sourcesCsv(rows));
  else downloadBytes(fileName, 'application/json', JSON.stringify({ note: '仅供内部核对，不随报告报送', year, figures: rows }, null, 2));
  return fileName;
}
