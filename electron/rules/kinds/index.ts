/** The registry of ledger kinds, in the order the clerk's menu shows them. */
import type { KindDef } from './types';
import { meeting } from './meeting';
import { drill, emergencyPlan } from './emergency';
import { normativeDoc } from './normative-doc';
import { disclosure } from './openness';
import { campaign, enforcement, officer } from './enforcement';
import { dispute } from './dispute';
import { legalAdviser, legalService } from './legal-service';
import { training } from './training';
import { accountability, decision, litigation, npcSupervision } from './governance';
import { ticket } from './ticket';

export const KINDS: readonly KindDef[] = [
  meeting,
  training,
  normativeDoc,
  decision,
  legalAdviser,
  enforcement,
  campaign,
  officer,
  emergencyPlan,
  drill,
  dispute,
  legalService,
  ticket,
  disclosure,
  npcSupervision,
  litigation,
  accountability,
];

export const KIND_IDS = KINDS.map((k) => k.id) as [string, ...string[]];

/** Every kind by its id (getKind for one; the map where a function takes all of them). */
export const KIND_BY_ID: ReadonlyMap<string, KindDef> = new Map(KINDS.map((k) => [k.id, k]));
export function getKind(id: string): KindDef | undefined {
  return KIND_BY_ID.get(id);
}

export type { KindDef, FieldDef, RecordData, Rule, FieldType, EvidenceCondition } from './types';
export { kindData, type KindData } from './types';
export { expectedEvidence, allEvidenceItems, missingEvidence } from './evidence';
export { kindForLevel, kindsForLevel, isOption, optionSpellings } from './level-options';
