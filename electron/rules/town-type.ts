/**
 * 乡镇类型 (设置): a 乡, a 镇 or a 街道 is written differently — its head is 乡长, 镇长 or 街道办事处
 * 主任, its cadres 乡村干部, 镇村干部 or 街道社区干部. The 设置 labels and the report's tokens
 * ({乡镇长}, {乡镇干部}, and the fallback of {乡镇}) read these words, so a 乡 never gets 镇 wording.
 */
export const TOWN_TYPES = ['乡', '镇', '街道'] as const;
export type TownType = (typeof TOWN_TYPES)[number];

export interface TownWords {
  /** 乡 / 镇 / 街道 */
  unit: string;
  /** The government head's title: 乡长 / 镇长 / 街道办事处主任. */
  head: string;
  /** The cadres of the town and its villages: 乡村干部 / 镇村干部 / 街道社区干部. */
  cadres: string;
  /** What {乡镇} reads as while the town's name is not set: 我乡 / 我镇 / 我街道. */
  self: string;
  /** How the party organ's full name ends: 中共某某镇委员会, 中共某某街道工作委员会. */
  partyOrgTail: string;
  /** How the government's full name ends: 某某镇人民政府, 某某街道办事处. */
  govOrgTail: string;
}

const WORDS: Record<TownType, TownWords> = {
  乡: { unit: '乡', head: '乡长', cadres: '乡村干部', self: '我乡', partyOrgTail: '委员会', govOrgTail: '人民政府' },
  镇: { unit: '镇', head: '镇长', cadres: '镇村干部', self: '我镇', partyOrgTail: '委员会', govOrgTail: '人民政府' },
  街道: { unit: '街道', head: '街道办事处主任', cadres: '街道社区干部', self: '我街道', partyOrgTail: '工作委员会', govOrgTail: '办事处' },
};

export function townWords(type: TownType | undefined): TownWords {
  return WORDS[type ?? '镇'] ?? WORDS.镇;
}
