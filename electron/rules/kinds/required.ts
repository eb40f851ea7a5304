/**
 * Which fields a record needs as it stands: the always-required ones plus those a `requiredIf`
 * rule switches on (应考人数 once 类型 is 法治考试). The form marks them as the clerk types; the
 * validator enforces the same rules on save.
 */
import type { KindDef, RecordData } from './types';
import { isOption } from './level-options';

export function requiredNow(kind: Pick<KindDef, 'fields' | 'rules'>, data: RecordData): Set<string> {
  const out = new Set(kind.fields.filter((f) => f.required).map((f) => f.key));
  for (const rule of kind.rules ?? []) {
    if (rule.type !== 'requiredIf') continue;
    const w = data[rule.when];
    if (w !== undefined && rule.values.some((v) => isOption(v, w))) out.add(rule.field);
  }
  return out;
}
