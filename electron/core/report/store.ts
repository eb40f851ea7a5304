/**
 * Where a year's report spec lives. A year without one starts from the nearest earlier year's
 * text (its tokens and placeholders re-bind to the new year by themselves), or from the default.
 */
import type { Db } from '../db/open';
import { LedgerError, zodIssues } from '@rules/errors';
import { getSettings } from '../ledger/settings';
import { nowIso } from '../ledger/records';
import { defaultReportSpec } from './default-outline';
import { reportSpecSchema, type ReportSpec } from '@rules/report/spec';
import type { ApiOutputs } from '@rules/api';
import { specWithLevelTokens } from '@rules/report/level-phrases';

function parseReportSpec(input: unknown): ReportSpec {
  const r = reportSpecSchema.safeParse(input);
  if (!r.success) {
    throw new LedgerError('VALIDATION', '报告内容格式不正确', zodIssues(r.error, '年度报告'));
  }
  return r.data;
}

/**
 * A saved spec as it reads today: level phrases saved as 镇 text (镇人民调解委员会) become level
 * tokens, so they follow 设置's 乡镇类型 (@rules/report/level-phrases.ts).
 */
const readStored = (data: string): ReportSpec => parseReportSpec(specWithLevelTokens(JSON.parse(data)));

function storedReportSpec(db: Db, year: number): ReportSpec | null {
  const row = db.prepare('SELECT data FROM reports WHERE year = ?').get(year) as { data: string } | undefined;
  return row ? readStored(row.data) : null;
}

export function getReportSpec(db: Db, year: number): ApiOutputs['report.get'] {
  const own = storedReportSpec(db, year);
  if (own) return { spec: own, source: 'saved' };
  const prev = db.prepare('SELECT year, data FROM reports WHERE year < ? ORDER BY year DESC LIMIT 1').get(year) as
    { year: number; data: string } | undefined;
  if (prev) {
    const spec = readStored(prev.data);
    const shift = year - prev.year;
    spec.settings.docYear += shift;
    spec.settings.docSeq = 1;
    spec.settings.signDate = `${year + 1}-${spec.settings.signDate.slice(5)}`;
    spec.settings.issueDate = '';
    return { spec, source: 'previous', fromYear: prev.year };
  }
  return { spec: defaultReportSpec(year, getSettings(db)), source: 'default' };
}

export function saveReportSpec(db: Db, year: number, input: unknown): ReportSpec {
  const spec = parseReportSpec(input);
  db.prepare(
    'INSERT INTO reports (year, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (year) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
  ).run(year, JSON.stringify(spec), nowIso());
  return spec;
}

export function resetReportSpec(db: Db, year: number): ReportSpec {
  db.prepare('DELETE FROM reports WHERE year = ?').run(year);
  return getReportSpec(db, year).spec;
}
