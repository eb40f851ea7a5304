/**
 * The evidence (佐证材料) a record of a kind is expected to carry, as declared on its KindDef:
 * `evidence` (always) plus every `evidenceIf` whose condition the record meets (e.g. a 党委会议
 * needs 会议纪要 and 签到表, a 人民代表大会 also 决议). Both the core's gap queries and the form use this.
 */
import type { KindDef, RecordData } from './types';
import { isOption } from './level-options';

/** The checklist items a record is expected to be proved by, in declaration order, without repeats. */
export function expectedEvidence(kind: KindDef, data: RecordData): string[] {
  const items = [...(kind.evidence ?? [])];
  for (const c of kind.evidenceIf ?? []) {
    if (c.values.some((v) => isOption(v, data[c.when]))) items.push(...c.items);
  }
  return [...new Set(items)];
}

/** Every item a record of the kind could ever be asked for (the tag select's options). */
export function allEvidenceItems(kind: KindDef): string[] {
  return [...new Set([...(kind.evidence ?? []), ...(kind.evidenceIf ?? []).flatMap((c) => c.items)])];
}

/** Expected items no attachment is tagged with yet. */
export function missingEvidence(kind: KindDef, data: RecordData, taggedItems: Iterable<string | null | undefined>): string[] {
  const have = new Set(taggedItems);
  return expectedEvidence(kind, data).filter((i) => !have.has(i));
}
