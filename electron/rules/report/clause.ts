/**
 * The clause a figure stands in, defined once for the assembly (zero wording replaces it, in the
 * HTML and the DOCX alike), the editor (the chip menu names the words it replaces; the problems
 * panel's one-click fixes drop it or move it into the figure) and the zero-count suggestions.
 *
 * A clause runs from the punctuation before the figure to the punctuation after it. When the words
 * before a bare figure end right at a comma (“…组织法治理论知识考试，{参考率、合格率}。”), the clause
 * is the one before: a figure alone is not a clause, the words that introduce it belong to it. A
 * figure whose template carries words of its own (“制定行政规范性文件{值}”) is not alone.
 */
import type { Segment } from './spec';

/** Where one clause ends and the next begins. */
export const CLAUSE_BOUNDARY = /[，,；;。：:！!？?、\n]/;
/** Punctuation that ends a sentence: kept over a comma when the clause between them goes. */
export const SENTENCE_END = /[。；;！!？?]/;

export type FigureLike = Extract<Segment, { type: 'figure' | 'rates' }>;

interface Clause {
  /** The text before the figure that stays (up to and including the punctuation). */
  keepBefore: string;
  /** The words before the figure that belong to its clause. */
  lead: string;
  /** The words after the figure that belong to its clause. */
  trail: string;
  /** The text after the figure that stays (from the punctuation on). */
  keepAfter: string;
}

const textOf = (s: Segment | undefined): string => (s?.type === 'text' ? s.text : '');

const lastBoundary = (t: string, before = t.length): number => {
  for (let i = before - 1; i >= 0; i--) if (CLAUSE_BOUNDARY.test(t[i])) return i;
  return -1;
};

/** The figure's template has words besides the value. */
const hasOwnWords = (s: Segment | undefined): boolean =>
  (s?.type === 'figure' || s?.type === 'rates') && !!s.template && s.template.replace('{值}', '').trim() !== '';

/** The clause around segment `at` (a figure or a rate group), split out of its neighbouring texts. */
export function clauseAround(segments: readonly Segment[], at: number): Clause {
  const before = textOf(segments[at - 1]);
  const after = textOf(segments[at + 1]);
  let cut = lastBoundary(before);
  if (!hasOwnWords(segments[at]) && cut >= 0 && before.slice(cut + 1).trim() === '') cut = lastBoundary(before, cut);
  const next = after.search(CLAUSE_BOUNDARY);
  // Words after the figure with no punctuation before the next figure are left alone: they may be its.
  const end = next < 0 ? 0 : next;
  return { keepBefore: before.slice(0, cut + 1), lead: before.slice(cut + 1), trail: after.slice(0, end), keepAfter: after.slice(end) };
}

/**
 * Verbs a report's count clauses are built on. A made-up zero wording starts at the first of them
 * (“综合行政执法队伍开出罚单” → “全年未开出罚单”), with the adverbs just before it (“依法主动公开”);
 * a clause without one gets no wording of its own (dropping it stays on offer).
 */
const VERB =
  /(?:依法|主动|集中|组织)*(?:召开|组织|开展|举办|制定|排查|调处|接受|提出|配合|公开|发放|聘请|办理|受理|审查|出具|查处|开出|罚款|培训|宣讲|印发|报送|清理|作出|化解|走访|征集|听取|签订|审核|备案|整治|检查)/;

/**
 * What a count of 0 can say instead of its clause: the figure's own zero phrase, else “全年未” and
 * the clause's words from its verb on, the number left out (“开展专项整治{值}” → “全年未开展专项整治”),
 * else nothing.
 */
export function zeroWording(segments: readonly Segment[], at: number, zeroPhrase?: string): string | undefined {
  if (zeroPhrase) return zeroPhrase;
  const seg = segments[at];
  const [ownLead = '', ownTrail = ''] = seg?.type === 'figure' || seg?.type === 'rates' ? (seg.template ?? '').split('{值}') : [];
  const c = clauseAround(segments, at);
  // The clause's words without the number (“组织干部{值}学习法律法规” → “组织干部学习法律法规”).
  const words = (c.lead + ownLead + ownTrail + c.trail).trim();
  const verb = VERB.exec(words);
  if (!verb || CLAUSE_BOUNDARY.test(words)) return undefined;
  return `全年未${words.slice(verb.index)}`;
}
