/**
 * How a typed, pasted or imported list of short texts (村（社区）, 服务村（社区）, a cell of a
 * 参加单位 column) becomes its items: split on 、，, ; ； / and line breaks, each item trimmed,
 * empties and repeats dropped, the first spelling kept. Clerks write lists with 、 or ，, paste
 * them from a column (newlines) or from a spreadsheet row (tabs): every form and the Excel import
 * read them through this one rule.
 */
const SEPARATORS = /[、,，;；/\n\r\t]+/;

/** Whether `text` holds a separator, i.e. would become more than one item. */
export const hasListSeparator = (text: string): boolean => SEPARATORS.test(text);

/** The items of one typed or pasted text. */
export function splitList(text: string): string[] {
  return dedupe(text.split(SEPARATORS));
}

/** A list whose items may themselves hold separators (a tag typed as 「中心村，新民村」): flattened. */
export function splitItems(items: readonly string[]): string[] {
  return dedupe(items.flatMap((x) => x.split(SEPARATORS)));
}

function dedupe(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of parts) {
    const s = p.trim();
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}
