/**
 * 乡镇类型 (设置): a 乡, a 镇 or a 街道 is written differently — its head is 乡长, 镇长 or 街道办事处
 * 主任, its cadres 乡村干部, 镇村干部 or 街道社区干部. The 设置 labels and the report's tokens
 * ({乡镇长}, {乡镇干部}, and the fallback of {乡镇}) read these words, so a 乡 never gets 镇 wording.
 *
 * Words that name the level inside a longer phrase (镇人民调解委员会, 依法治镇领导小组会议, 全镇) are
 * written once as templates with a level word in braces ('{乡镇级}人民调解委员会') and worded for a
 * level by `levelText`: kind option values (rules/kinds/level-options.ts), figure names and the
 * report's default text all go through it. A 街道 is not a level of 人大: it has no 人民代表大会 of
 * its own, only the 人大街道工作委员会 (人大街道工委) of the district's 人大常委会, so the 人大 words
 * of a 街道 name the 工委 and never a 街道人民代表大会.
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
  /** The level above in examples (设置's placeholders): a 乡 or 镇 is under a 县, a 街道 under a 区. */
  upper: string;
  /** The organs' short forms in a 发文代字: 双土委发 / 双土府发, a 街道's 双土工委发 / 双土办发. */
  partyCodeWord: string;
  govCodeWord: string;
}

const WORDS: Record<TownType, TownWords> = {
  乡: {
    unit: '乡',
    head: '乡长',
    cadres: '乡村干部',
    self: '我乡',
    partyOrgTail: '委员会',
    govOrgTail: '人民政府',
    upper: '县',
    partyCodeWord: '委',
    govCodeWord: '府',
  },
  镇: {
    unit: '镇',
    head: '镇长',
    cadres: '镇村干部',
    self: '我镇',
    partyOrgTail: '委员会',
    govOrgTail: '人民政府',
    upper: '县',
    partyCodeWord: '委',
    govCodeWord: '府',
  },
  街道: {
    unit: '街道',
    head: '街道办事处主任',
    cadres: '街道社区干部',
    self: '我街道',
    partyOrgTail: '工作委员会',
    govOrgTail: '办事处',
    upper: '区',
    partyCodeWord: '工委',
    govCodeWord: '办',
  },
};

export function townWords(type: TownType | undefined): TownWords {
  return WORDS[type ?? '镇'] ?? WORDS.镇;
}

/**
 * The level words a template may hold, per 乡镇类型. A 街道 says 依法治街 (as 依法治县 for a county),
 * and its 人大 meeting is the 人大街道工委's, where the 办事处 reports its work.
 */
export const LEVEL_WORDS = {
  /** 全乡, 乡人民调解委员会 … */
  乡镇级: { 乡: '乡', 镇: '镇', 街道: '街道' },
  依法治乡镇: { 乡: '依法治乡', 镇: '依法治镇', 街道: '依法治街' },
  /** The meeting type a clerk records (a 乡's or 镇's own 人大 keeps its old value 人民代表大会). */
  人大会议: { 乡: '人民代表大会', 镇: '人民代表大会', 街道: '人大街道工委会议' },
  /** The same meeting named in full, for figure names and report text. */
  本级人大会议: { 乡: '乡人民代表大会', 镇: '镇人民代表大会', 街道: '人大街道工委会议' },
  /** What the government did there, as the report says it. */
  召开人大会议: { 乡: '召开乡人民代表大会', 镇: '召开镇人民代表大会', 街道: '向人大街道工委报告工作' },
} as const satisfies Record<string, Record<TownType, string>>;
type LevelWord = keyof typeof LEVEL_WORDS;

const LEVEL_RE = new RegExp(`\\{(${Object.keys(LEVEL_WORDS).join('|')})\\}`, 'g');

export const hasLevelWords = (template: string): boolean => new RegExp(LEVEL_RE.source).test(template);

/** A template worded for a level: '{乡镇级}人民调解委员会' → 乡人民调解委员会 for a 乡. Other text is left as it is. */
export function levelText(template: string, type: TownType | undefined): string {
  const t = type && Object.hasOwn(WORDS, type) ? type : '镇';
  return template.replace(LEVEL_RE, (_m, w: LevelWord) => LEVEL_WORDS[w][t]);
}

/** Every level's wording of a template, without repeats (镇's first: the wording older ledgers hold). */
export function levelSpellings(template: string): string[] {
  return [...new Set((['镇', '乡', '街道'] as const).map((t) => levelText(template, t)))];
}
