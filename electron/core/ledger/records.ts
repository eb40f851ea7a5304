/**
 * Storage of ledger records: create, read, update, list, and the 回收站 (soft delete, restore,
 * explicit purge). Every write validates first and runs in one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';
import { LedgerError } from '@rules/errors';
import { getKind, type KindDef, type RecordData } from '@rules/kinds';
import { validateRecord } from '@rules/kinds/validate';
import { formatDocNumber, parseDocNumber } from '@rules/doc-number';
import { SETTINGS_LABELS, type Settings } from '@rules/settings';
import { getSettings } from './settings';
import type { LedgerRecord } from '@rules/api/records';

/** A row of the records table as SQLite returns it. */
export interface RecordRow {
  id: string;
  kind: string;
  date: string;
  year: number;
  data: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export const fromRow = (r: RecordRow): LedgerRecord => ({
  id: r.id,
  kind: r.kind,
  date: r.date,
  year: r.year,
  data: JSON.parse(r.data) as RecordData,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
});

export function requireKind(id: string): KindDef {
  const k = getKind(id);
  if (!k) throw new LedgerError('VALIDATION', `未知的台账类型：${id}`);
  return k;
}

/** Text the 搜索 box matches: every textual field, joined. */
function searchText(kind: KindDef, data: RecordData): string {
  return kind.fields
    .filter((f) => ['text', 'textarea', 'enum', 'village', 'tags'].includes(f.type))
    .map((f) => data[f.key])
    .flat()
    .filter((v) => typeof v === 'string')
    .join(' ');
}

/**
 * Validates data for a kind or throws one VALIDATION error listing every problem.
 * With allowManaged the data is a whole stored record (managed fields included), so the kind's
 * own invariants (checkStored) are checked too; without it managed fields are dropped and those
 * cannot be judged yet (the caller adds number and stage, then checks).
 */
function validOrThrow(db: Db, kind: KindDef, data: RecordData, allowManaged = false): RecordData {
  return validAgainst(getSettings(db), kind, data, allowManaged);
}

/** validOrThrow with the settings already read (a batch reads them once). */
function validAgainst(settings: Settings, kind: KindDef, data: RecordData, allowManaged = false): RecordData {
  const r = validateRecord(kind, data, { villages: settings.villages, allowManaged });
  const issues = r.issues.length ? r.issues : allowManaged ? (kind.checkStored?.(r.data) ?? []) : [];
  if (issues.length) throw new LedgerError('VALIDATION', `${kind.label}记录有${issues.length}处错误`, issues);
  return r.data;
}

function storedOrThrow(kind: KindDef, data: RecordData): void {
  const issues = kind.checkStored?.(data) ?? [];
  if (issues.length) throw new LedgerError('VALIDATION', `${kind.label}记录有${issues.length}处错误`, issues);
}

/** The next number of a numbered kind, from the per-(代字, year) sequence; never handed out twice. */
function assignNumber(db: Db, settings: Settings, kind: KindDef, data: RecordData): RecordData {
  const n = kind.numbering;
  if (!n) return data;
  const code = String(settings[n.codeSetting] ?? '');
  if (!code) {
    throw new LedgerError('VALIDATION', n.missingCode, [
      { kind: '设置', field: n.codeSetting, fieldLabel: SETTINGS_LABELS[n.codeSetting], message: '未填写' },
    ]);
  }
  const year = Number((data[kind.dateField] as string).slice(0, 4));
  db.prepare(
    `INSERT INTO doc_number_seq (prefix, year, last) VALUES (?, ?, 1)
     ON CONFLICT (prefix, year) DO UPDATE SET last = last + 1`,
  ).run(code, year);
  const { last } = db.prepare('SELECT last FROM doc_number_seq WHERE prefix = ? AND year = ?').get(code, year) as { last: number };
  return { ...data, ...n.initial, [n.field]: formatDocNumber(code, year, last) };
}

export const nowIso = (): string => new Date().toISOString();

export function getRecord(db: Db, id: string): LedgerRecord {
  const row = db.prepare('SELECT * FROM records WHERE id = ?').get(id) as RecordRow | undefined;
  if (!row) throw new LedgerError('NOT_FOUND', '找不到该记录，可能已被彻底删除');
  return fromRow(row);
}

const INSERT_SQL = `INSERT INTO records (id, kind, date, year, data, search_text, created_at, updated_at, deleted_at)
  VALUES (@id, @kind, @date, @year, @data, @search, @createdAt, @updatedAt, @deletedAt)`;
/** One prepared INSERT per connection: an import inserts hundreds of thousands of rows. */
const insertStatements = new WeakMap<Db, ReturnType<Db['prepare']>>();

export function insertRecord(db: Db, rec: LedgerRecord): void {
  const kind = requireKind(rec.kind);
  let stmt = insertStatements.get(db);
  if (!stmt) insertStatements.set(db, (stmt = db.prepare(INSERT_SQL)));
  stmt.run({
    id: rec.id,
    kind: rec.kind,
    date: rec.date,
    year: rec.year,
    data: JSON.stringify(rec.data),
    search: searchText(kind, rec.data),
    createdAt: rec.createdAt,
    updatedAt: rec.updatedAt,
    deletedAt: rec.deletedAt,
  });
}

function writeData(db: Db, kind: KindDef, id: string, data: RecordData): void {
  const date = data[kind.dateField] as string;
  db.prepare('UPDATE records SET data = ?, date = ?, year = ?, search_text = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify(data),
    date,
    Number(date.slice(0, 4)),
    searchText(kind, data),
    nowIso(),
    id,
  );
}

export const createRecord = (db: Db, kindId: string, input: RecordData): LedgerRecord => createRecords(db, kindId, [input])[0];

/**
 * Creates records of one kind in one transaction, each validated, numbered and checked exactly as
 * a single one is (an Excel import adds thousands: the settings are read once, not per row).
 */
export function createRecords(db: Db, kindId: string, inputs: readonly RecordData[], opts: { validated?: boolean } = {}): LedgerRecord[] {
  const kind = requireKind(kindId);
  return db
    .transaction(() => {
      const settings = getSettings(db);
      return inputs.map((input) => {
        // `validated`: each input is validateRecord's own output against these settings, in this
        // transaction (the Excel import's preview); checking it again would only cost time.
        let data = opts.validated ? input : validAgainst(settings, kind, input);
        data = assignNumber(db, settings, kind, data);
        storedOrThrow(kind, data);
        const date = data[kind.dateField] as string;
        const t = nowIso();
        const rec: LedgerRecord = {
          id: randomUUID(),
          kind: kind.id,
          date,
          year: Number(date.slice(0, 4)),
          data,
          createdAt: t,
          updatedAt: t,
          deletedAt: null,
        };
        insertRecord(db, rec);
        return rec;
      });
    })
    .immediate();
}

export function updateRecord(db: Db, id: string, input: RecordData): LedgerRecord {
  return db
    .transaction(() => {
      const old = getRecord(db, id);
      if (old.deletedAt) throw new LedgerError('CONFLICT', '该记录在回收站中，请先恢复再修改');
      const kind = requireKind(old.kind);
      // Managed fields (number, lifecycle) are the app's: a form can never overwrite them, so
      // whatever the input says about them is replaced by the stored values before validating
      // the record as a whole (cross-field rules such as 登记日期 ≤ 合法性审核日期 span both).
      const merged: RecordData = { ...input };
      for (const f of kind.fields) {
        if (!f.managed) continue;
        if (old.data[f.key] !== undefined) merged[f.key] = old.data[f.key];
        else delete merged[f.key];
      }
      const data = validOrThrow(db, kind, merged, true);
      const numbered = kind.numbering ? old.data[kind.numbering.field] : undefined;
      if (parseDocNumber(numbered)?.year === old.year && Number((data[kind.dateField] as string).slice(0, 4)) !== old.year) {
        const dateLabel = kind.fields.find((f) => f.key === kind.dateField)?.label ?? kind.dateField;
        const numberLabel = kind.fields.find((f) => f.key === kind.numbering?.field)?.label ?? '编号';
        throw new LedgerError('VALIDATION', `${dateLabel.replace(/日期$/, '')}年度与${numberLabel}的年度不一致`, [
          {
            kind: kind.label,
            field: kind.dateField,
            fieldLabel: dateLabel,
            message: `${numberLabel}${String(numbered)}已按${old.year}年编号，${dateLabel}不能改到其他年度`,
          },
        ]);
      }
      writeData(db, kind, id, data);
      return getRecord(db, id);
    })
    .immediate();
}

/** Replaces a record's data wholesale (used by lifecycle steps, which validate on their own). */
export function replaceData(db: Db, rec: LedgerRecord, data: RecordData): LedgerRecord {
  writeData(db, requireKind(rec.kind), rec.id, data);
  return getRecord(db, rec.id);
}

export function duplicateRecord(db: Db, id: string): LedgerRecord {
  const old = getRecord(db, id);
  const kind = requireKind(old.kind);
  const copy: RecordData = {};
  for (const f of kind.fields) if (!f.managed && old.data[f.key] !== undefined) copy[f.key] = old.data[f.key];
  return createRecord(db, old.kind, copy);
}

export function deleteRecord(db: Db, id: string): LedgerRecord {
  return db
    .transaction(() => {
      const rec = getRecord(db, id);
      if (rec.deletedAt) return rec;
      db.prepare('UPDATE records SET deleted_at = ? WHERE id = ?').run(nowIso(), id);
      return getRecord(db, id);
    })
    .immediate();
}

export function restoreRecord(db: Db, id: string): LedgerRecord {
  return db
    .transaction(() => {
      getRecord(db, id);
      db.prepare('UPDATE records SET deleted_at = NULL WHERE id = ?').run(id);
      return getRecord(db, id);
    })
    .immediate();
}

/** Destroys a record for good; only allowed from the 回收站. */
export function purgeRecord(db: Db, id: string): void {
  db.transaction(() => {
    const rec = getRecord(db, id);
    if (!rec.deletedAt) throw new LedgerError('CONFLICT', '只能彻底删除回收站中的记录');
    db.prepare('DELETE FROM records WHERE id = ?').run(id);
  }).immediate();
}

export type { LedgerRecord };
