/**
 * Assembly: a year's report spec + the ledger → a fully resolved ReportDocument, the figure
 * uses behind it, and the problems to fix before printing. Pure of I/O except the figure queries.
 */
import type { Db } from '../db/open';
import { getSettings } from '../ledger/settings';
import type { Settings } from '@rules/settings';
import { formatDocNumber } from '@rules/doc-number';
import { resolveText } from '@rules/report/tokens';
import { computeFigure, findFigure, type FigureResult } from '../figures/compute';
import { formatChange, joinEqualRates } from '@rules/figures/format';
import type { Block, ReportDocument, Run } from '@rules/report/document';
import type { FigureSegment, ParagraphSpec, ReportSpec, SectionSpec, Segment } from '@rules/report/spec';

type RatesSegment = Extract<Segment, { type: 'rates' }>;
import {
  autoTitle,
  ccText,
  chineseDate,
  chineseNumber,
  DISCLOSURE_NOTE,
  issuingOrgans,
  recipientsText,
  subjectLine,
} from '@rules/report/title';
import { checkReport, type Problem } from './checks';
import { clauseAround, zeroWording } from '@rules/report/clause';
import { getReportSpec } from './store';
import { fixForMeasure, type RecordFix } from '@rules/record-fix';
import type { FigureDef } from '@rules/figures/types';
import { describeMeasure } from '@rules/figures/describe';
import { KIND_BY_ID } from '@rules/kinds';
import type { FigureUse, AssembledReport } from '@rules/api/report';

/** Where the records behind a figure are registered: a rate's denominator (what a 0% or 无法计算 lacks). */
const figureFix = (def: FigureDef): RecordFix => fixForMeasure(def.value.type === 'rate' ? def.value.denominator : def.value.measure);

/** A rate whose denominator is 0: nothing to divide by (no 法治考试 held, no dispute closed). */
const lacksBase = (r: FigureResult): boolean => r.type === 'rate' && r.denominator === 0;

class Resolver {
  readonly problems: Problem[] = [];
  readonly uses: FigureUse[] = [];
  private cache = new Map<string, FigureResult>();
  /** Segments printed as their zero wording: it stands for their whole clause (paragraph()). */
  private zeroed = new Set<Segment>();
  /** The paragraph being resolved, for the clause around a figure. */
  private place: { segments: readonly Segment[]; index: number } | null = null;

  constructor(
    private db: Db,
    private year: number,
    private settings: Settings,
  ) {}

  text(t: string): string {
    return resolveText(t, this.year, this.settings.town, this.settings.townType);
  }

  private figure(
    seg: { figureId: string; rule?: FigureSegment['rule']; unit?: string; sinceYear?: number },
    year = this.year,
  ): FigureResult {
    const period = { from: seg.sinceYear ?? year, to: year };
    const key = JSON.stringify([seg.figureId, period, seg.rule, seg.unit]);
    let r = this.cache.get(key);
    if (!r) {
      r = computeFigure(this.db, seg.figureId, period, { rule: seg.rule, unit: seg.unit });
      this.cache.set(key, r);
    }
    return r;
  }

  private problem(p: Omit<Problem, 'anchor'>, anchor: string) {
    this.problems.push({ ...p, anchor });
  }

  segment(seg: Segment, anchor: string): Run[] {
    if (seg.type === 'text') return [{ text: this.text(seg.text) }];
    if (seg.type === 'rates') return this.ratesRuns(seg, anchor);
    return this.figureRuns(seg, anchor);
  }

  /** A rate with nothing to divide by cannot be printed: drop its words, or say there was nothing. */
  private noBase(r: FigureResult, def: FigureDef, anchor: string, remedy: { zeroText?: string; drop: 'clause' | 'item' }) {
    this.problem(
      {
        severity: 'blocking',
        code: 'noBase',
        message: `${r.name}无法计算：${def.value.type === 'rate' ? describeMeasure(def.value.denominator, KIND_BY_ID) : '分母'}为0`,
        figureId: r.id,
        suggestion: remedy.zeroText,
        drop: remedy.drop,
        fix: figureFix(def),
      },
      anchor,
    );
  }

  private ratesRuns(seg: RatesSegment, anchor: string): Run[] {
    const items = seg.items.map((it) => ({ it, def: findFigure(this.db, it.figureId) }));
    for (const { it, def } of items) {
      if (!def) {
        this.problem({ severity: 'blocking', code: 'unresolved', message: `未知的指标“${it.figureId}”，无法取数` }, anchor);
        return [{ text: '【未知指标】' }];
      }
    }
    const results = items.map(({ it }) => ({ label: it.label, r: this.figure({ figureId: it.figureId }) }));
    for (const { r } of results)
      this.uses.push({ figureId: r.id, period: { from: this.year, to: this.year }, display: r.display, manual: false, anchor });
    // The zero wording stands for the whole group only when no rate of it can be computed.
    const allWithoutBase = results.every(({ r }) => lacksBase(r));
    if (allWithoutBase && seg.zeroText) {
      this.zeroed.add(seg);
      return [{ text: this.text(seg.zeroText), figureId: results[0].r.id }];
    }
    const zeroText = allWithoutBase ? items.find(({ def }) => def!.zeroPhrase)?.def!.zeroPhrase : undefined;
    for (const [i, { r }] of results.entries()) {
      const def = items[i].def!;
      if (lacksBase(r)) this.noBase(r, def, anchor, { zeroText, drop: allWithoutBase || items.length === 1 ? 'clause' : 'item' });
      else if (!r.ok)
        this.problem(
          { severity: 'blocking', code: 'figure', message: `${r.name}：${r.problem ?? '无法计算'}`, figureId: r.id, fix: figureFix(def) },
          anchor,
        );
    }
    const joined = joinEqualRates(
      results.map(({ label, r }) => ({ label, text: r.display })),
      seg.verb,
    );
    return [{ text: this.text(seg.template ?? '{值}').replaceAll('{值}', joined), figureId: results[0].r.id }];
  }

  private figureRuns(seg: FigureSegment, anchor: string): Run[] {
    const def = findFigure(this.db, seg.figureId);
    if (!def) {
      this.problem({ severity: 'blocking', code: 'unresolved', message: `未知的指标“${seg.figureId}”，无法取数` }, anchor);
      return [{ text: '【未知指标】' }];
    }
    const period = { from: seg.sinceYear ?? this.year, to: this.year };
    const wrap = (value: string) => this.text(seg.template ?? '{值}').replaceAll('{值}', value);
    if (seg.manual !== undefined) {
      this.uses.push({ figureId: def.id, period, display: seg.manual, manual: true, anchor });
      this.problem(
        {
          severity: 'warning',
          code: 'manual',
          message: `${def.name}使用了手工填写的数值“${seg.manual}”，不是由台账计算`,
          figureId: def.id,
        },
        anchor,
      );
      return [{ text: wrap(seg.manual), figureId: def.id }];
    }
    const r = this.figure(seg);
    let shown = r.display;
    if (seg.change) {
      const prev = this.figure(seg, this.year - 1);
      const ch = formatChange(r.value, prev.value, { baseline: `${this.year - 1}年` });
      if (!ch.ok)
        this.problem(
          {
            severity: 'blocking',
            code: 'figure',
            message: `${r.name}：无法与上年比较（${ch.problem ?? '上年为0'}）`,
            figureId: r.id,
            fix: figureFix(def),
          },
          anchor,
        );
      shown = ch.text;
    }
    this.uses.push({ figureId: r.id, period, display: shown, manual: false, anchor });
    // Nothing to report: a count of 0, or a rate with nothing to divide by (a real 0% is a fact to print).
    const nothing = r.type === 'rate' ? lacksBase(r) : r.value === 0;
    if (nothing && !seg.change && seg.zeroText) {
      this.zeroed.add(seg);
      return [{ text: this.text(seg.zeroText), figureId: r.id }];
    }
    if (lacksBase(r)) this.noBase(r, def, anchor, { zeroText: seg.change ? undefined : def.zeroPhrase, drop: 'clause' });
    else if (!r.ok)
      this.problem(
        { severity: 'blocking', code: 'figure', message: `${r.name}：${r.problem ?? '无法计算'}`, figureId: r.id, fix: figureFix(def) },
        anchor,
      );
    if (r.value === 0 && !seg.change && !lacksBase(r)) {
      // A count's zero wording replaces its clause (the figure's own, else made from the clause's words);
      // a rate's is for “nothing to divide by”, not for 0%. Either way the clause can go.
      const raw = r.type === 'rate' || !this.place ? undefined : zeroWording(this.place.segments, this.place.index, def.zeroPhrase);
      const suggestion = raw && this.text(raw);
      this.problem(
        {
          severity: 'warning',
          code: 'zero',
          message: `${r.name}为0，句子可能读起来不通顺${suggestion ? `，可改为“${suggestion}”` : ''}`,
          figureId: r.id,
          suggestion,
          drop: 'clause',
          fix: figureFix(def),
        },
        anchor,
      );
    }
    return [{ text: wrap(shown), figureId: r.id }];
  }

  paragraph(p: ParagraphSpec): Run[] {
    const segs = p.segments;
    const runs = segs.map((s, index) => {
      this.place = { segments: segs, index };
      return this.segment(s, p.id);
    });
    this.place = null;
    // A zero wording stands for its whole clause (@rules/report/clause): the words around the figure
    // that belong to it go from the neighbouring texts, kept as [from, to) of each text.
    const keep = segs.map((s) => [0, s.type === 'text' ? s.text.length : 0]);
    segs.forEach((s, i) => {
      if (!this.zeroed.has(s)) return;
      const c = clauseAround(segs, i);
      if (segs[i - 1]?.type === 'text') keep[i - 1][1] = Math.min(keep[i - 1][1], c.keepBefore.length);
      if (segs[i + 1]?.type === 'text') keep[i + 1][0] = Math.max(keep[i + 1][0], c.trail.length);
    });
    segs.forEach((s, i) => {
      if (s.type !== 'text' || (keep[i][0] === 0 && keep[i][1] === s.text.length)) return;
      runs[i] = [{ text: this.text(s.text.slice(keep[i][0], Math.max(keep[i][0], keep[i][1]))) }];
    });
    return mergeRuns(runs.flat());
  }
}

/** Joins neighbouring plain runs so renderers see whole phrases. */
function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && !last.figureId && !r.figureId && last.font === r.font) last.text += r.text;
    else out.push({ ...r });
  }
  return out.filter((r) => r.text !== '');
}

function sectionBlocks(res: Resolver, sec: SectionSpec, level: 1 | 2 | 3, index: number): Block[] {
  const number = level === 1 ? `${chineseNumber(index)}、` : level === 2 ? `（${chineseNumber(index)}）` : `${index}.`;
  const heading = `${number}${res.text(sec.heading)}`;
  const paras = sec.paragraphs.map((p) => ({ id: p.id, runs: res.paragraph(p) }));
  const blocks: Block[] = [];
  if (sec.runIn && level === 2) {
    const [first, ...rest] = paras;
    const ending = /[。！？：]$/.test(heading) ? '' : '。';
    blocks.push({ type: 'paragraph', anchor: sec.id, runs: [{ text: heading + ending, font: 'kai' }, ...(first?.runs ?? [])] });
    for (const p of rest) blocks.push({ type: 'paragraph', anchor: p.id, runs: p.runs });
  } else {
    blocks.push({ type: 'heading', level, anchor: sec.id, runs: [{ text: heading }] });
    for (const p of paras) blocks.push({ type: 'paragraph', anchor: p.id, runs: p.runs });
  }
  (sec.children ?? []).forEach((child, i) => blocks.push(...sectionBlocks(res, child, level === 1 ? 2 : 3, i + 1)));
  return blocks;
}

export function assembleReport(db: Db, year: number, spec: ReportSpec): AssembledReport {
  const settings = getSettings(db);
  const rs = spec.settings;
  const res = new Resolver(db, year, settings);
  const body: Block[] = spec.opening.map((p) => ({ type: 'paragraph', anchor: p.id, runs: res.paragraph(p) }));
  spec.sections.forEach((sec, i) => body.push(...sectionBlocks(res, sec, 1, i + 1)));
  const organs = issuingOrgans(rs, settings);
  const title = rs.titleLines.length ? rs.titleLines.map((l) => res.text(l)) : autoTitle(organs, year);
  const document: ReportDocument = {
    header: {
      mode: rs.headerMode,
      organs,
      suffix: '文件',
      docNumber: formatDocNumber(rs.docCode, rs.docYear, rs.docSeq),
      signers: rs.signers,
    },
    title,
    recipients: recipientsText(rs.recipients),
    body,
    closing: rs.closing,
    signature: { organs, date: chineseDate(rs.signDate), layout: rs.signatureLayout },
    note: DISCLOSURE_NOTE[rs.disclosure],
    imprint: rs.imprint ? { cc: ccText(rs.cc), issuer: rs.issuer.trim(), issueDate: rs.issueDate ? chineseDate(rs.issueDate) : '' } : null,
    meta: { title: `${organs.join('')}${subjectLine(year)}`, author: organs[0] ?? '', year },
  };
  const problems = [...res.problems, ...checkReport(document, spec, settings, year)];
  return { document, problems, uses: res.uses };
}

/** The year's report as saved (or as it would start), assembled from the ledger. */
export function assembleYear(db: Db, year: number): AssembledReport {
  return assembleReport(db, year, getReportSpec(db, year).spec);
}

export type { FigureUse, AssembledReport };
