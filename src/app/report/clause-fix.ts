/**
 * The problems panel's one-click fixes for a figure with nothing to report (a count of 0, a rate
 * with nothing to divide by): drop the figure's clause from its paragraph, or let its zero wording
 * stand for the clause. Pure edits of a report spec, applied to the draft and saved as any edit.
 * What “the clause” is: @rules/report/clause (the assembly replaces the same clause by the zero
 * wording, so the fix and the printout agree).
 */
import { CLAUSE_BOUNDARY as BOUNDARY, clauseAround, SENTENCE_END, type FigureLike } from '@rules/report/clause';
import { updateParagraph } from './spec-edit';
import type { ReportSpec, Segment } from './types';

const holds = (s: Segment, figureId: string): s is FigureLike =>
  (s.type === 'figure' && s.figureId === figureId) || (s.type === 'rates' && s.items.some((it) => it.figureId === figureId));

/** Rebuilds the segments with [at-1, at, at+1] replaced by the given text/segment list, empty texts left out. */
function splice(segments: readonly Segment[], at: number, middle: Segment[]): Segment[] {
  const from = segments[at - 1]?.type === 'text' ? at - 1 : at;
  const to = segments[at + 1]?.type === 'text' ? at + 2 : at + 1;
  const out = [...segments.slice(0, from), ...middle, ...segments.slice(to)].filter((s) => s.type !== 'text' || s.text !== '');
  return out.length ? out : [{ type: 'text', text: '' }];
}

/** Joins what is left around a dropped clause without doubled punctuation (“学习，。” → “学习。”). */
function join(keepBefore: string, keepAfter: string, atStart: boolean): [string, string] {
  const l = keepBefore.at(-1) ?? '';
  const r = keepAfter[0] ?? '';
  if (BOUNDARY.test(r) && r !== '\n') {
    if (l && BOUNDARY.test(l))
      return SENTENCE_END.test(r) && !SENTENCE_END.test(l) ? [keepBefore.slice(0, -1), keepAfter] : [keepBefore, keepAfter.slice(1)];
    // Nothing before the clause: a paragraph does not open with a comma.
    if (!keepBefore && atStart && !SENTENCE_END.test(r)) return [keepBefore, keepAfter.slice(1)];
  }
  return [keepBefore, keepAfter];
}

/**
 * Drops figure `figureId` from paragraph `id`: with `what = 'item'` only that rate of its group,
 * otherwise the figure's whole clause.
 */
export function dropFigure(spec: ReportSpec, id: string, figureId: string, what: 'clause' | 'item'): ReportSpec {
  return updateParagraph(spec, id, (p) => {
    const at = p.segments.findIndex((s) => holds(s, figureId));
    if (at < 0) return p;
    const seg = p.segments[at];
    if (what === 'item' && seg.type === 'rates' && seg.items.length > 1) {
      const rest = { ...seg, items: seg.items.filter((it) => it.figureId !== figureId) };
      return { ...p, segments: p.segments.map((s, i) => (i === at ? rest : s)) };
    }
    const c = clauseAround(p.segments, at);
    const atStart = at - (p.segments[at - 1]?.type === 'text' ? 1 : 0) === 0;
    const [l, r] = join(c.keepBefore, c.keepAfter, atStart);
    return { ...p, segments: splice(p.segments, at, [{ type: 'text', text: l + r }]) };
  });
}

/**
 * Lets `zeroText` stand for the clause of figure `figureId` in paragraph `id` when there is nothing
 * to report: the clause's words move into the figure's template, so a year with something to
 * report reads exactly as before, and a year without reads “…，全年未组织法治考试。”.
 */
export function applyZeroWording(spec: ReportSpec, id: string, figureId: string, zeroText: string): ReportSpec {
  return updateParagraph(spec, id, (p) => {
    const at = p.segments.findIndex((s) => holds(s, figureId));
    if (at < 0) return p;
    const seg = p.segments[at] as FigureLike;
    // A hand-typed value or a year-on-year change has no zero wording (assembly ignores it there).
    if (seg.type === 'figure' && (seg.manual !== undefined || seg.change)) return p;
    const c = clauseAround(p.segments, at);
    const fixed: FigureLike = { ...seg, template: `${c.lead}${seg.template ?? '{值}'}${c.trail}`, zeroText };
    return {
      ...p,
      segments: splice(p.segments, at, [{ type: 'text', text: c.keepBefore }, fixed, { type: 'text', text: c.keepAfter }]),
    };
  });
}
