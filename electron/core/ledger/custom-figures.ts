/**
 * Figures the clerk defines (自定义指标), stored in the ledger (table `custom_figures`, migration
 * 3) so that they travel with it: backups, the exchange file, every report year. Each write is
 * checked by `checkCustomFigure` (the same check as the builder and the import) and runs in a
 * transaction. A stored definition is kept even when the kinds change under it; computing it then
 * reports the mismatch instead of a value (see compute.ts).
 */
import type { Db } from '../db/open';
import { LedgerError } from '@rules/errors';
import { checkCustomFigure, isCustomId } from '@rules/figures/schema';
import type { FigureDef } from '@rules/figures/types';
import { ledgerKind } from './kinds';

interface Row {
  id: string;
  data: string;
}

/** Every stored definition, by id. */
export function listCustomFigures(db: Db): FigureDef[] {
  return (db.prepare('SELECT id, data FROM custom_figures ORDER BY id').all() as Row[]).map((r) => JSON.parse(r.data) as FigureDef);
}

export function getCustomFigure(db: Db, id: string): FigureDef | undefined {
  if (!isCustomId(id)) return undefined;
  const r = db.prepare('SELECT id, data FROM custom_figures WHERE id = ?').get(id) as Row | undefined;
  return r && (JSON.parse(r.data) as FigureDef);
}

/** Checks a definition and refuses it with every problem by field, writing nothing. */
function requireValidDefinition(db: Db, raw: unknown): FigureDef {
  // A wrong option value is answered with the options in the ledger's own words.
  const { def, issues } = checkCustomFigure(raw, (id) => ledgerKind(db, id));
  if (!def)
    throw new LedgerError(
      'VALIDATION',
      '自定义指标的定义有误，未保存',
      issues.map((i) => ({ ...i, kind: '自定义指标' })),
    );
  return def;
}

/** Creates or replaces a definition. */
export function saveCustomFigure(db: Db, raw: unknown, now = new Date().toISOString()): FigureDef {
  const def = requireValidDefinition(db, raw);
  db.transaction(() => {
    db.prepare(
      'INSERT INTO custom_figures (id, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
    ).run(def.id, JSON.stringify(def), now);
  }).immediate();
  return def;
}

export function deleteCustomFigure(db: Db, id: string): void {
  const n = db.transaction(() => db.prepare('DELETE FROM custom_figures WHERE id = ?').run(id).changes).immediate();
  if (!n) throw new LedgerError('NOT_FOUND', `没有编号为“${id}”的自定义指标`);
}
