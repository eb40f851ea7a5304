/**
 * How a choice (会议类型, 演练类型, a 村（社区）…) is found by typing: by its label, by its full
 * pinyin (fazhi) or by its pinyin initials (fz for 法治, dw for 党委), case and spaces ignored.
 * Every choice field of the screens filters with this one rule.
 */
import { pinyin } from 'pinyin-pro';

interface ChoiceKeys {
  label: string;
  /** The label folded: lower case, no spaces. */
  text: string;
  /** Full pinyin without tones or spaces: 法治 → fazhi. */
  full: string;
  /** First letters: 法治 → fz. Letters and digits in the label are kept as they are. */
  initials: string;
}

const fold = (s: string): string => s.toLowerCase().replace(/\s+/g, '');

const cache = new Map<string, ChoiceKeys>();

/** The searchable keys of one label (computed once per label). */
export function choiceKeys(label: string): ChoiceKeys {
  let keys = cache.get(label);
  if (!keys) {
    const syllables = pinyin(label, { toneType: 'none', type: 'array' });
    keys = {
      label,
      text: fold(label),
      full: fold(syllables.join('')),
      initials: fold(syllables.map((s) => s.slice(0, 1)).join('')),
    };
    cache.set(label, keys);
  }
  return keys;
}

/**
 * How well `query` matches `label`: lower is better, undefined when it does not match. The label
 * itself beats pinyin; a match at the start beats one inside.
 */
function choiceRank(label: string, query: string): number | undefined {
  const q = fold(query);
  if (!q) return 0;
  const k = choiceKeys(label);
  if (k.text === q) return 0;
  const order: [string, boolean][] = [
    [k.text, true],
    [k.text, false],
    [k.initials, true],
    [k.full, true],
    [k.initials, false],
    [k.full, false],
  ];
  for (let i = 0; i < order.length; i++) {
    const [key, atStart] = order[i];
    if (atStart ? key.startsWith(q) : key.includes(q)) return i + 1;
  }
  return undefined;
}

/** The labels `query` finds, best first; equally good ones keep their given order. */
export function matchChoices(labels: readonly string[], query: string): string[] {
  return labels
    .map((label, i) => ({ label, i, rank: choiceRank(label, query) }))
    .filter((x): x is { label: string; i: number; rank: number } => x.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.label);
}

/**
 * What leaving a choice field with `typed` in it means: the one label it names (typed exactly, or
 * the only one it finds), or nothing — and then the field keeps the text and says why.
 */
export function settleChoice(labels: readonly string[], typed: string): { value: string } | { matches: number } {
  const t = typed.trim();
  if (labels.includes(t)) return { value: t };
  const found = matchChoices(labels, t);
  return found.length === 1 ? { value: found[0] } : { matches: found.length };
}
