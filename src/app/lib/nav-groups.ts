/** How the left menu groups the ledger kinds; a kind added later without a group lands in 其他. */
import type { KindDef } from './api';

const GROUPS: readonly { label: string; kinds: readonly string[] }[] = [
  { label: '会议与学习', kinds: ['meeting', 'training'] },
  { label: '制度与决策', kinds: ['normativeDoc', 'decision'] },
  { label: '执法', kinds: ['enforcement', 'campaign', 'officer'] },
  { label: '应急', kinds: ['emergencyPlan', 'drill'] },
  { label: '矛盾纠纷与法律服务', kinds: ['dispute', 'ticket', 'legalService', 'legalAdviser'] },
  { label: '公开与监督', kinds: ['disclosure', 'npcSupervision', 'litigation'] },
  { label: '责任落实', kinds: ['accountability'] },
];

interface NavGroup {
  label: string;
  kinds: KindDef[];
}

export function groupKinds(kinds: readonly KindDef[]): NavGroup[] {
  const byId = new Map(kinds.map((k) => [k.id, k]));
  const placed = new Set<string>();
  const groups: NavGroup[] = GROUPS.map((g) => ({
    label: g.label,
    kinds: g.kinds.flatMap((id) => {
      const k = byId.get(id);
      if (!k) return [];
      placed.add(id);
      return [k];
    }),
  }));
  const rest = kinds.filter((k) => !placed.has(k.id));
  if (rest.length) groups.push({ label: '其他', kinds: rest });
  return groups.filter((g) => g.kinds.length > 0);
}
