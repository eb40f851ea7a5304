/**
 * A kind's register (登记簿) for one year as data: the records the kind page shows under its
 * filters and search (same WHERE as records.list, so the 回收站 is left out), by date, the
 * chosen columns, and a totals row for the number columns. The HTML layout reads only this.
 */
import type { Db } from '../db/open';
import { getKind, type KindDef } from '@rules/kinds';
import { LedgerError } from '@rules/errors';
import { isTotalled, registerCell, registerHeading, registerTitle, registerTotal, resolveRegisterColumns } from '@rules/kinds/register';
import { fromRow, type LedgerRecord } from '../ledger/records';
import { recordFilter, type ListQuery } from '../ledger/query';
import { getSettings } from '../ledger/settings';

export interface RegisterInput {
  kind: string;
  year: number;
  filters?: ListQuery['filters'];
  search?: string;
  /** Field keys; empty or absent means the kind's default register columns. */
  columns?: readonly string[];
}

interface RegisterColumn {
  key: string;
  heading: string;
  numeric: boolean;
  /** Long-text columns get the spare width. */
  wide: boolean;
  /** Short fixed-width values (dates, 是/否) are centred and never wrapped. */
  short: boolean;
}

export interface RegisterModel {
  title: string;
  /** What the register holds: 共N条, and the filters and search it was printed under. */
  scope: string;
  columns: RegisterColumn[];
  rows: { id: string; cells: string[] }[];
  /** One cell per column ('' for columns without a total), or null when no column is numeric. */
  totals: string[] | null;
}

function requireKindDef(id: string): KindDef {
  const k = getKind(id);
  if (!k) throw new LedgerError('VALIDATION', `未知的台账类别：${id}`);
  return k;
}

/** The kind's live records of the year under the filters and search, oldest first. */
export function registerRecords(db: Db, input: RegisterInput): LedgerRecord[] {
  const { where, params } = recordFilter(input);
  const rows = db.prepare(`SELECT * FROM records WHERE ${where} ORDER BY date, created_at, id`).all(params) as Parameters<
    typeof fromRow
  >[0][];
  return rows.map(fromRow);
}

/** “会议类型：党委会议；搜索“法治”” — so a filtered register never passes for the whole year's. */
function scopeText(kind: KindDef, input: RegisterInput, count: number): string {
  const parts = Object.entries(input.filters ?? {}).map(([k, v]) => {
    const f = kind.fields.find((x) => x.key === k);
    const shown = typeof v === 'boolean' ? (v ? '是' : '否') : String(v);
    return `${f?.label ?? k}：${shown}`;
  });
  if (input.search?.trim()) parts.push(`搜索“${input.search.trim()}”`);
  return `共${count}条${parts.length ? `（筛选：${parts.join('；')}）` : ''}`;
}

export function buildRegister(db: Db, input: RegisterInput): RegisterModel {
  const kind = requireKindDef(input.kind);
  const fields = resolveRegisterColumns(kind, input.columns);
  const records = registerRecords(db, input);
  const numeric = fields.some(isTotalled);
  return {
    title: registerTitle(getSettings(db).town, input.year, kind),
    scope: scopeText(kind, input, records.length),
    columns: fields.map((f) => ({
      key: f.key,
      heading: registerHeading(f),
      numeric: isTotalled(f),
      wide: f.type === 'textarea' || f.key === kind.titleField,
      short: f.type === 'date' || f.type === 'bool',
    })),
    rows: records.map((r) => ({ id: r.id, cells: fields.map((f) => registerCell(f, r.data[f.key])) })),
    totals: numeric
      ? fields.map((f) =>
          isTotalled(f)
            ? registerTotal(
                f,
                records.map((r) => r.data[f.key]),
              )
            : '',
        )
      : null,
  };
}
