/**
 * Pure, immutable edits of a report spec for the outline editor: sections addressed by index
 * path ([part] or [part, subsection]), paragraphs by id (the problems panel's one-click fixes
 * are in clause-fix.ts).
 */
import type { ParagraphSpec, ReportSpec, SectionSpec } from './types';

export type SectionPath = readonly number[];

let counter = 0;
/** A fresh id for a section or paragraph (unique within a spec, short enough for its schema). */
function newId(prefix: 'p' | 's'): string {
  counter = (counter + 1) % 1296;
  return `${prefix}${Date.now().toString(36)}${counter.toString(36)}`;
}

const emptyParagraph = (): ParagraphSpec => ({ id: newId('p'), segments: [{ type: 'text', text: '' }] });

function mapSections(list: SectionSpec[], path: SectionPath, fn: (s: SectionSpec) => SectionSpec): SectionSpec[] {
  const [i, ...rest] = path;
  return list.map((s, j) => (j !== i ? s : rest.length ? { ...s, children: mapSections(s.children ?? [], rest, fn) } : fn(s)));
}

/** Applies fn to the list that holds the section at `path` (the top level or a part's children). */
function mapSiblings(spec: ReportSpec, path: SectionPath, fn: (list: SectionSpec[], i: number) => SectionSpec[]): ReportSpec {
  const i = path[path.length - 1];
  if (path.length === 1) return { ...spec, sections: fn(spec.sections, i) };
  return { ...spec, sections: mapSections(spec.sections, path.slice(0, -1), (p) => ({ ...p, children: fn(p.children ?? [], i) })) };
}

export const updateSection = (spec: ReportSpec, path: SectionPath, fn: (s: SectionSpec) => SectionSpec): ReportSpec => ({
  ...spec,
  sections: mapSections(spec.sections, path, fn),
});

export function moveSection(spec: ReportSpec, path: SectionPath, by: -1 | 1): ReportSpec {
  return mapSiblings(spec, path, (list, i) => {
    const j = i + by;
    if (j < 0 || j >= list.length) return list;
    const out = [...list];
    [out[i], out[j]] = [out[j], out[i]];
    return out;
  });
}

export const removeSection = (spec: ReportSpec, path: SectionPath): ReportSpec =>
  mapSiblings(spec, path, (list, i) => list.filter((_, j) => j !== i));

/** A new part at the end, or a new subsection at the end of part `parent`. */
export function addSection(spec: ReportSpec, parent: SectionPath | null): ReportSpec {
  const fresh = (runIn: boolean): SectionSpec => ({
    id: newId('s'),
    heading: '',
    paragraphs: [emptyParagraph()],
    ...(runIn ? { runIn: true } : {}),
  });
  if (!parent) return { ...spec, sections: [...spec.sections, fresh(false)] };
  return updateSection(spec, parent, (s) => ({ ...s, children: [...(s.children ?? []), fresh(parent.length === 1)] }));
}

/** Every paragraph with the section path that holds it (null for the opening paragraphs). */
export function* allParagraphs(spec: ReportSpec): Generator<{ p: ParagraphSpec; path: SectionPath | null }> {
  for (const p of spec.opening) yield { p, path: null };
  function* walk(list: SectionSpec[], base: number[]): Generator<{ p: ParagraphSpec; path: SectionPath | null }> {
    for (const [i, s] of list.entries()) {
      for (const p of s.paragraphs) yield { p, path: [...base, i] };
      yield* walk(s.children ?? [], [...base, i]);
    }
  }
  yield* walk(spec.sections, []);
}

/** Applies fn to the paragraph list that holds paragraph `id` (wherever it is). */
function mapParagraphLists(spec: ReportSpec, fn: (list: ParagraphSpec[]) => ParagraphSpec[]): ReportSpec {
  const walk = (list: SectionSpec[]): SectionSpec[] =>
    list.map((s) => ({ ...s, paragraphs: fn(s.paragraphs), ...(s.children ? { children: walk(s.children) } : {}) }));
  return { ...spec, opening: fn(spec.opening), sections: walk(spec.sections) };
}

export const updateParagraph = (spec: ReportSpec, id: string, fn: (p: ParagraphSpec) => ParagraphSpec): ReportSpec =>
  mapParagraphLists(spec, (list) => (list.some((p) => p.id === id) ? list.map((p) => (p.id === id ? fn(p) : p)) : list));

export const removeParagraph = (spec: ReportSpec, id: string): ReportSpec =>
  mapParagraphLists(spec, (list) => list.filter((p) => p.id !== id));

/** Adds an empty paragraph after paragraph `afterId`, or at the end of the opening / a section. */
export function addParagraph(
  spec: ReportSpec,
  where: { afterId: string } | { path: SectionPath | null },
  p = emptyParagraph(),
): ReportSpec {
  if ('afterId' in where) {
    return mapParagraphLists(spec, (list) => {
      const i = list.findIndex((x) => x.id === where.afterId);
      return i < 0 ? list : [...list.slice(0, i + 1), p, ...list.slice(i + 1)];
    });
  }
  if (!where.path) return { ...spec, opening: [...spec.opening, p] };
  return updateSection(spec, where.path, (s) => ({ ...s, paragraphs: [...s.paragraphs, p] }));
}
