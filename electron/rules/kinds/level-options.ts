/**
 * Kind option values that name the township's level (镇人民调解委员会, 依法治镇领导小组会议) are
 * declared once as templates ('{乡镇级}人民调解委员会', rules/town-type.ts) and worded here for the
 * ledger's 乡镇类型. A ledger stores, offers and prints its own level's wording; every other level's
 * spelling is an alias of it (`optionAliases`), so an old 镇-worded record, workbook or exchange file
 * still validates, imports (as the level's wording) and counts.
 */
import { hasLevelWords, levelSpellings, levelText, type TownType } from '../town-type';
import type { FieldDef, KindDef, Rule } from './types';

const wordedCache = new WeakMap<KindDef, Map<TownType, KindDef>>();

const isLevelField = (f: FieldDef) => !!f.options?.some(hasLevelWords);

function wordField(f: FieldDef, type: TownType): FieldDef {
  if (!isLevelField(f)) return f;
  const aliases: Record<string, string> = { ...f.optionAliases };
  for (const o of f.options ?? []) {
    const mine = levelText(o, type);
    for (const s of levelSpellings(o)) if (s !== mine) aliases[s] = mine;
  }
  return { ...f, options: f.options!.map((o) => levelText(o, type)), optionAliases: aliases };
}

const wordValues = <T>(values: readonly T[], type: TownType): T[] =>
  values.map((v) => (typeof v === 'string' ? (levelText(v, type) as T) : v));

/** The kind as a ledger of this level sees it: options, `evidenceIf` and `requiredIf` values in its words. */
export function kindForLevel<K extends Pick<KindDef, 'fields' | 'rules' | 'evidenceIf'>>(kind: K, type: TownType): K {
  // Looked up first: an import or a backup's check asks once per record (200,000 in a large
  // ledger), and scanning every option for level words each time was most of the cost.
  let byType = wordedCache.get(kind as unknown as KindDef);
  if (!byType) wordedCache.set(kind as unknown as KindDef, (byType = new Map()));
  const hit = byType.get(type);
  if (hit) return hit as unknown as K;
  const worded: K = !kind.fields.some(isLevelField)
    ? kind
    : {
        ...kind,
        fields: kind.fields.map((f) => wordField(f, type)),
        evidenceIf: kind.evidenceIf?.map((c) => ({ ...c, values: wordValues(c.values, type) })),
        rules: kind.rules?.map((r): Rule => (r.type === 'requiredIf' ? { ...r, values: wordValues(r.values, type) } : r)),
      };
  byType.set(type, worded as unknown as KindDef);
  return worded;
}

/** Every kind worded for a level (the order of `kinds` kept). */
export const kindsForLevel = <K extends Pick<KindDef, 'fields' | 'rules' | 'evidenceIf'>>(kinds: readonly K[], type: TownType): K[] =>
  kinds.map((k) => kindForLevel(k, type));

/**
 * Whether a stored value is the declared one (a condition of `evidenceIf`, `requiredIf`, a figure's
 * filter): equal, or another level's spelling of the same template.
 */
export function isOption(declared: string | boolean, value: unknown): boolean {
  if (declared === value) return true;
  return typeof declared === 'string' && typeof value === 'string' && hasLevelWords(declared) && levelSpellings(declared).includes(value);
}

/**
 * Every spelling a field's value may be stored under, for a query that counts it whatever level
 * wrote it: the value's template's spellings when it is (or is worded from) a level option, else
 * the value alone.
 */
export function optionSpellings(f: Pick<FieldDef, 'options'> | undefined, value: string): string[] {
  for (const o of f?.options ?? []) {
    if (!hasLevelWords(o)) continue;
    const all = levelSpellings(o);
    if (o === value || all.includes(value)) return all;
  }
  return [value];
}
