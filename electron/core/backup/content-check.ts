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
import { isMetaKey } from '../ledger/settings';

const MAX_LISTED = 20;

/**
 * Every row as an import would see it: records, settings, number sequences and reports go through
 * checkExchange (the same rules as a JSON import and a save), plus what only a database can get
 * wrong: the date and year columns must agree with the data, attachment rows must be sound and
 * point at records, JSON must parse. Returns the problems found, the first MAX_LISTED of them.
 */
function contentIssues(db: Db): Issue[] {
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

  // Rows are streamed, each parsed into the one object checkExchange needs: holding the raw rows as
  // well (200,000 of them in a large ledger) doubled the memory and the collector's work. A row's
  // id is clipped for a message only when there is one.
  const records: unknown[] = [];
  let row = 0;
  for (const [id, kindId, date, year, text, createdAt, updatedAt, deletedAt] of db
    .prepare('SELECT id, kind, date, year, data, created_at, updated_at, deleted_at FROM records ORDER BY rowid')
    .raw()
    .iterate() as Iterable<[string, string, string, number, string, string, string, string | null]>) {
    row++;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      add({ row, kind: '记录', field: 'data', recordId: clip(id, MAX_ID_LENGTH), message: '内容不是有效的 JSON' });
    }
    const kind = getKind(kindId);
    if (kind && data && typeof data === 'object') {
      const own = (data as Record<string, unknown>)[kind.dateField];
      if (date !== own || year !== Number(String(own).slice(0, 4))) {
        add({ row, kind: kind.label, recordId: clip(id, MAX_ID_LENGTH), field: 'date', message: '日期列与记录内容不一致' });
      }
    }
    records.push({ id, kind: kindId, data, createdAt, updatedAt, deletedAt });
  }
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
