/**
 * A valid record for any kind, generated from its KindDef (every field filled, numbers chosen
 * so the lte rules hold), for tests that need every ledger page populated.
 */
import type { FieldDef, KindDef, RecordData } from '@rules/kinds/types';

export function sampleRecord(kind: KindDef, year: number, n: number, villages: readonly string[]): RecordData {
  const rightOfLte = new Set((kind.rules ?? []).flatMap((r) => (r.type === 'lte' ? [r.right] : [])));
  const month = String((n % 12) + 1).padStart(2, '0');
  const value = (f: FieldDef): unknown => {
    switch (f.type) {
      case 'text':
        return `${f.label}${n + 1}`.slice(0, f.max ?? 200);
      case 'textarea':
        return `${f.label}：第${n + 1}条示例记录的说明文字。`;
      case 'date':
        return `${year}-${month}-10`;
      case 'int':
        return rightOfLte.has(f.key) ? 100 : Math.max(f.min ?? 0, 5 + n);
      case 'money':
        return 1234.5 + n;
      case 'enum':
        return f.options![n % f.options!.length];
      case 'bool':
        return n % 2 === 0;
      case 'village':
        return villages[n % villages.length];
      case 'tags':
        return villages.slice(0, 2);
    }
  };
  return Object.fromEntries(kind.fields.filter((f) => !f.managed).map((f) => [f.key, value(f)]));
}
