/**
 * Provenance of printed and exported reports: which records each figure was computed from,
 * so the app can say plainly when records behind a printed report have changed since.
 */
import type { Db } from '../db/open';
import { figureSources, findFigure, traceFigure } from '../figures/compute';
import { getKind } from '@rules/kinds';
import { nowIso } from '../ledger/records';
import type { FigureUse } from './assemble';
import type { SourceRow } from '@rules/report/sources-csv';
import type { Staleness } from '@rules/api/report';

interface StoredFigure {
  figureId: string;
  from: number;
  to: number;
  display: string;
  hash: string;
  records: [string, string][];
}

const uniqueUses = (uses: FigureUse[]) => {
  const seen = new Map<string, FigureUse>();
  for (const u of uses) if (!u.manual) seen.set(`${u.figureId}:${u.period.from}-${u.period.to}`, u);
  return [...seen.values()];
};

export function recordOutput(db: Db, year: number, format: string, uses: FigureUse[]): number {
  const figures: StoredFigure[] = uniqueUses(uses).map((u) => ({
    figureId: u.figureId,
    from: u.period.from,
    to: u.period.to,
    display: u.display,
    ...figureSources(db, u.figureId, u.period),
  }));
  const r = db
    .prepare('INSERT INTO report_outputs (year, format, created_at, figures) VALUES (?, ?, ?, ?)')
    .run(year, format, nowIso(), JSON.stringify(figures));
  return Number(r.lastInsertRowid);
}

export function reportStaleness(db: Db, year: number): Staleness {
  const row = db.prepare('SELECT id, format, created_at, figures FROM report_outputs WHERE year = ? ORDER BY id DESC LIMIT 1').get(year) as
    { id: number; format: string; created_at: string; figures: string } | undefined;
  if (!row) return { output: null, changedRecords: 0, figures: [], message: '本年度报告尚未打印或导出' };
  const changed = new Set<string>();
  const figures: Staleness['figures'] = [];
  for (const f of JSON.parse(row.figures) as StoredFigure[]) {
    const now = figureSources(db, f.figureId, { from: f.from, to: f.to });
    if (now.hash === f.hash) continue;
    const before = new Map(f.records);
    const after = new Map(now.records);
    let added = 0;
    let removed = 0;
    let modified = 0;
    for (const [id, t] of after) {
      if (before.has(id) && before.get(id) === t) continue;
      if (before.has(id)) modified++;
      else added++;
      changed.add(id);
    }
    for (const id of before.keys()) {
      if (after.has(id)) continue;
      removed++;
      changed.add(id);
    }
    figures.push({
      figureId: f.figureId,
      name: findFigure(db, f.figureId)?.name ?? f.figureId,
      printed: f.display,
      added,
      removed,
      modified,
    });
  }
  const verb = row.format === 'print' ? '打印' : '导出';
  const message = changed.size
    ? `${verb}后有${changed.size}条台账记录被修改，影响${figures.map((x) => x.name).join('、')}`
    : `${verb}后台账数据未发生变化`;
  return { output: { id: row.id, format: row.format, createdAt: row.created_at }, changedRecords: changed.size, figures, message };
}

/** 数据来源附表 for internal review: each figure used, with the records behind it; hand-typed values
 *  are listed too, marked manual and with no records. Never part of the sent report. */
export function sourcesTable(db: Db, uses: FigureUse[]): SourceRow[] {
  const computed: SourceRow[] = uniqueUses(uses).map((u) => ({
    figureId: u.figureId,
    name: findFigure(db, u.figureId)?.name ?? u.figureId,
    display: u.display,
    period: u.period,
    manual: false,
    records: traceFigure(db, u.figureId, u.period).map((r) => {
      const kind = getKind(r.kind)!;
      return { id: r.id, kind: kind.label, date: r.date, title: String(r.data[kind.titleField] ?? '') };
    }),
  }));
  const manual: SourceRow[] = uses
    .filter((u) => u.manual)
    .map((u) => ({
      figureId: u.figureId,
      name: findFigure(db, u.figureId)?.name ?? u.figureId,
      display: u.display,
      period: u.period,
      manual: true,
      records: [],
    }));
  return [...computed, ...manual];
}

export type { Staleness };
