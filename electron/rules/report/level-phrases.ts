/**
 * Report phrases that name the township's level. Older saved reports (and the first default
 * outline) wrote them as 镇 text (镇人民调解委员会, 召开镇人民代表大会, 镇长, 镇村干部); `withLevelTokens` turns those exact phrases into level tokens
 * (rules/report/tokens.ts), so a 乡's or a 街道's saved report prints its own words and a 镇's
 * prints what it always did. `levelSlips` finds, in assembled text, phrases written for another
 * level than the ledger's (全镇 in a 乡, a 街道人民代表大会 that does not exist), for a warning.
 */
import { levelText, TOWN_TYPES, type TownType } from '../town-type';

/** Exact level phrases and their token form; most specific first. */
const TO_TOKENS: readonly [RegExp, string][] = [
  [/召开(?:乡|镇)人民代表大会/g, '{召开人大会议}'],
  [/(?:乡|镇|街道)人民代表大会/g, '{本级人大会议}'],
  [/(?:乡|镇|街道)人民调解委员会/g, '{乡镇级}人民调解委员会'],
  [/依法治(?:乡|镇|街)(?=领导小组|工作领导小组|委员会)/g, '{依法治乡镇}'],
  [/覆盖全(?:乡|镇|街道)/g, '覆盖全{乡镇级}'],
  // The head and the cadres as the first outline wrote them for a 镇 (乡镇长 holds no 镇长).
  [/(?<!乡)镇长/g, '{乡镇长}'],
  [/镇村干部|街道社区干部/g, '{乡镇干部}'],
];

/** Stored report text with its level phrases as tokens. */
export const withLevelTokens = (text: string): string => TO_TOKENS.reduce((t, [re, token]) => t.replace(re, token), text);

/** Level phrases a report may hold, as templates: each level's wording of them is looked for. */
const PHRASES = [
  '全{乡镇级}',
  '我{乡镇级}',
  '本{乡镇级}',
  '{乡镇级}人民调解委员会',
  '{依法治乡镇}',
  '{本级人大会议}',
  '{乡镇级}党委',
  '{乡镇级}人民政府',
  '{乡镇级}政府',
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A phrase as a pattern that skips the common words holding it: 乡镇政府 holds 镇政府, 城乡 and
 * 乡村 hold 乡, 健全 holds 全.
 */
function phrasePattern(phrase: string): RegExp {
  const before = phrase.startsWith('镇')
    ? '(?<!乡)'
    : phrase.startsWith('乡')
      ? '(?<![城下家老])'
      : phrase.startsWith('全')
        ? '(?<![健完安齐周保])'
        : '';
  const after = phrase.endsWith('乡') ? '(?![村镇土亲贤愁音])' : '';
  return new RegExp(`${before}${escape(phrase)}${after}`);
}

/** Never right: a 街道 has no 人民代表大会 of its own (rules/town-type.ts). */
const NEVER = [{ text: '街道人民代表大会', instead: '人大街道工委' }];

interface LevelSlip {
  /** What the text says (全镇). */
  found: string;
  /** What the ledger's level says (全乡). */
  instead: string;
}

/**
 * Phrases of `text` worded for another level than `type`. `names` (the town, its organs, the
 * villages) are left out first: a 村 or an organ may carry 镇 in its name.
 */
export function levelSlips(text: string, type: TownType, names: readonly string[] = []): LevelSlip[] {
  let t = text;
  for (const n of names.filter(Boolean).sort((a, b) => b.length - a.length)) t = t.replaceAll(n, '\u0000');
  const out: LevelSlip[] = [];
  const seen = new Set<string>();
  const add = (found: string, instead: string) => {
    if (seen.has(found)) return;
    seen.add(found);
    out.push({ found, instead });
  };
  for (const n of NEVER) if (t.includes(n.text)) add(n.text, type === '街道' ? n.instead : levelText('{本级人大会议}', type));
  for (const p of PHRASES) {
    const mine = levelText(p, type);
    for (const other of TOWN_TYPES) {
      const theirs = levelText(p, other);
      // A longer phrase of our own that contains theirs (街道… holds no 镇, but 我街道 holds 我街) is not a slip.
      if (theirs === mine || !phrasePattern(theirs).test(t.replaceAll(mine, '\u0000'))) continue;
      add(theirs, mine);
    }
  }
  return out;
}

const TEXT_KEYS = new Set(['text', 'heading', 'template', 'zeroText']);

/** A stored report spec with `withLevelTokens` applied to every text it holds (paragraphs, headings, templates, zero wording). */
export function specWithLevelTokens<T>(spec: T): T {
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return key && TEXT_KEYS.has(key) ? withLevelTokens(v) : v;
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(spec) as T;
}
