/**
 * File and folder names inside the 档案袋 that Windows Explorer can extract anywhere: reserved
 * characters swapped for their full-width look-alikes (a title 「A/B」 stays readable as 「A／B」),
 * control characters dropped, no trailing dots or spaces, no reserved device names (CON, NUL,
 * CONIN$, COM1 …, with or without an extension), each part bounded in length, and names unique per
 * folder ignoring case (Windows folds case, so 签到表.JPG and 签到表.jpg would collide).
 */

/** Longest part (folder or file name), in characters: leaves room under MAX_PATH for the folder the clerk extracts into. */
export const MAX_PART_CHARS = 60;

const FULL_WIDTH: Record<string, string> = {
  '<': '＜',
  '>': '＞',
  ':': '：',
  '"': '＂',
  '/': '／',
  '\\': '＼',
  '|': '｜',
  '?': '？',
  '*': '＊',
};
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Splits a short extension (“.jpg”) off so shortening keeps it. */
function splitExt(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return [name, ''];
  const ext = name.slice(dot);
  return /^\.[\p{L}\p{N}]{1,8}$/u.test(ext) ? [name.slice(0, dot), ext] : [name, ''];
}

/** One safe path part. `fallback` is used when nothing printable is left. */
export function safePart(raw: string, fallback = '未命名', max = MAX_PART_CHARS): string {
  let s = raw
    .replace(
      /[\x00-\x1f\x7f\u200b-\u200d\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '',
    )
    .replace(/[<>:"/\\|?*]/g, (c) => FULL_WIDTH[c])
    .trim();
  const [rawStem, ext] = splitExt(s);
  let stem = rawStem;
  stem = stem.replace(/[. ]+$/, '');
  if (!stem) stem = fallback;
  // CON.txt is as reserved as CON: the device name is the part before the first dot.
  if (RESERVED.test(stem.split('.')[0].trim())) stem = `_${stem}`;
  const room = max - Array.from(ext).length;
  const chars = Array.from(stem);
  if (chars.length > room)
    stem =
      chars
        .slice(0, room)
        .join('')
        .replace(/[. ]+$/, '') || fallback;
  s = stem + ext;
  return s;
}

/** Hands out unique safe names per folder: the second 签到表.jpg becomes 签到表 (2).jpg. */
export class NameAllocator {
  private readonly used = new Map<string, Set<string>>();

  /** The full path for `name` inside `dir` ('' for the root), both already safe parts joined by '/'. */
  allocate(dir: string, rawName: string, fallback?: string): string {
    const taken = this.used.get(dir.toLowerCase()) ?? new Set<string>();
    this.used.set(dir.toLowerCase(), taken);
    const base = safePart(rawName, fallback);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const [stem, ext] = splitExt(base);
      const suffix = ` (${n})`;
      const room = MAX_PART_CHARS - Array.from(ext).length - suffix.length;
      name = `${Array.from(stem)
        .slice(0, room)
        .join('')
        .replace(/[. ]+$/, '')}${suffix}${ext}`;
    }
    taken.add(name.toLowerCase());
    return dir ? `${dir}/${name}` : name;
  }
}
