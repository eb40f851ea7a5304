/**
 * Proves that the rows of a SQLite file from outside the process (a backup's snapshot) are data
 * the app itself would write, before a restore puts the file in place: every row goes through the
 * same checks as a JSON import and a save. The schema is checked first, by ../db/trust.ts.
 */
import { formatIssue, LedgerError, type Issue } from '@rules/errors';
import { getKind } from '@rules/kinds';
import { clip } from '@rules/kinds/validate';
import type { Db } from '../db/open';
import { checkExchange, EXCHANGE_FORMAT, EXCHANGE_VERSION, MAX_ID_LENGTH } from '../ledger/exchange';
import type { RecordRow } from '../ledger/records';
import { isMetaKey } from '../ledger/settings';

const MAX_LISTED = 20;

/**
 * Every row as an import would see it: records, settings, number sequences and reports go through
 * checkExchange (the same rules as a JSON import and a save), plus what only a database can get
 * wrong: the date and year columns must agree with the data, attachment rows must be sound and
 * point at records, JSON must parse. Returns the problems found, the first MAX_LISTED of them.
 */
export function contentIssues(db: Db): Issue[] {
  const issues: Issue[] = [];
  const add = (i: Issue) => {
    if (issues.length < MAX_LISTED) issues.push(i);
  };
  const parse = (text: string, where: Omit<Issue, 'message'>): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      add({ ...where, message: '内容不是有效的 JSON' });
      return undefined;
    }
  };

  let org: unknown = {};
  for (const s of db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]) {
    if (s.key === 'org') org = parse(s.value, { kind: '设置', field: 'org' });
    else if (isMetaKey(s.key)) {
      if (typeof parse(s.value, { kind: '设置', field: s.key }) !== 'string')
        add({ kind: '设置', field: s.key, message: '内容格式不正确' });
    } else add({ kind: '设置', field: clip(s.key), message: '不是本程序的设置' });
  }

  const rows = db
    .prepare('SELECT id, kind, date, year, data, created_at, updated_at, deleted_at FROM records ORDER BY rowid')
    .all() as RecordRow[];
  const records = rows.map((r, i) => {
    const data = parse(r.data, { row: i + 1, kind: '记录', field: 'data', recordId: clip(r.id, MAX_ID_LENGTH) });
    const kind = getKind(r.kind);
    if (kind && data && typeof data === 'object') {
      const date = (data as Record<string, unknown>)[kind.dateField];
      if (r.date !== date || r.year !== Number(String(date).slice(0, 4))) {
        add({ row: i + 1, kind: kind.label, recordId: clip(r.id, MAX_ID_LENGTH), field: 'date', message: '日期列与记录内容不一致' });
      }
    }
    return { id: r.id, kind: r.kind, data, createdAt: r.created_at, updatedAt: r.updated_at, deletedAt: r.deleted_at };
  });
  const reports = (
    db.prepare('SELECT year, data, updated_at FROM reports ORDER BY year').all() as { year: number; data: string; updated_at: string }[]
  ).map((r) => ({ year: r.year, updatedAt: r.updated_at, data: parse(r.data, { kind: '年度报告', row: r.year }) }));
  const { issues: found } = checkExchange({
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    settings: org,
    numberSequences: db.prepare('SELECT prefix, year, last FROM doc_number_seq').all(),
    records,
    reports,
    customFigures: (db.prepare('SELECT id, data FROM custom_figures ORDER BY id').all() as { id: string; data: string }[]).map((f, i) => {
      const def = parse(f.data, { kind: '自定义指标', row: i + 1 });
      if (def && typeof def === 'object' && (def as { id?: unknown }).id !== f.id)
        add({ kind: '自定义指标', row: i + 1, message: '编号与内容不一致' });
      return def;
    }),
  });
  for (const i of found) add(i);

  const badAttachment = db
    .prepare(
      `SELECT count(*) AS n FROM attachments WHERE length(id) NOT BETWEEN 1 AND ${MAX_ID_LENGTH} OR sha256 NOT GLOB '${'[0-9a-f]'.repeat(64)}'
       OR typeof(size) <> 'integer' OR size < 0 OR length(name) NOT BETWEEN 1 AND 255 OR record_id NOT IN (SELECT id FROM records)`,
    )
    .get() as { n: number };
  if (badAttachment.n) add({ kind: '附件', message: `${badAttachment.n}条附件记录格式不正确` });
  for (const o of db.prepare('SELECT id, figures FROM report_outputs').all() as { id: number; figures: string }[]) {
    parse(o.figures, { kind: '报告输出记录', row: o.id });
  }
  return issues;
}

/** Throws BAD_FILE naming the first problems when the file's content is not what the app writes. */
export function assertContent(db: Db, prefix: string): void {
  const issues = contentIssues(db);
  if (!issues.length) return;
  const count = issues.length >= MAX_LISTED ? `至少${MAX_LISTED}` : String(issues.length);
  throw new LedgerError('BAD_FILE', `${prefix}（共${count}处，如${formatIssue(issues[0])}）`, issues);
}
