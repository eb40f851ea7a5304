/**
 * The kinds as this ledger words them: options that name the level are declared as templates
 * ('{乡镇级}人民调解委员会', rules/kinds/level-options.ts) and are worded here for the ledger's
 * 乡镇类型. What leaves the core — the kinds sent to the screens (`kinds.list`), a workbook's
 * columns, the options a refusal lists — reads these, so nobody outside the rules sees a template.
 */
import type { Db } from '../db/open';
import { getKind, KINDS, kindForLevel, kindsForLevel, type KindDef } from '@rules/kinds';
import { getSettings } from './settings';

export const ledgerKinds = (db: Db): KindDef[] => kindsForLevel(KINDS, getSettings(db).townType);

export function ledgerKind(db: Db, id: string): KindDef | undefined {
  const kind = getKind(id);
  return kind && kindForLevel(kind, getSettings(db).townType);
}
