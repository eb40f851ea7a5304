/**
 * Which of the 公文 faces this PC has, by canvas width: text set in “Name, generic” measures the
 * same as in the generic alone when Name is missing. (document.fonts.check says true for any
 * font it does not know to be missing, so it cannot tell local fonts apart.) Measured on Latin
 * glyphs, where faces differ; CJK glyphs are all one em wide.
 */
import { FONT_CHAIN } from '@rules/layout';

const PROBE = 'mmmmmmmmmmlliWWQQ@@0123456789';
const GENERIC = ['monospace', 'serif', 'sans-serif'];
const GENERIC_NAMES = new Set(['serif', 'sans-serif', 'monospace']);

type Measure = (font: string) => number;

function canvasMeasure(): Measure {
  const ctx = document.createElement('canvas').getContext('2d');
  return (font) => {
    if (!ctx) return 0;
    ctx.font = font;
    return ctx.measureText(PROBE).width;
  };
}

function isInstalled(name: string, measure: Measure): boolean {
  return GENERIC.some((g) => measure(`72px "${name}", ${g}`) !== measure(`72px ${g}`));
}

interface Role {
  key: keyof typeof FONT_CHAIN;
  use: string;
  wanted: string;
  /** The same face under its other names. */
  names: string[];
}

const ROLES: Role[] = [
  { key: 'xbs', use: '标题', wanted: '方正小标宋简体', names: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK'] },
  { key: 'fang', use: '正文', wanted: '仿宋_GB2312', names: ['仿宋_GB2312', 'FangSong_GB2312'] },
  { key: 'hei', use: '一级标题', wanted: '黑体', names: ['黑体', 'SimHei'] },
  { key: 'kai', use: '二级标题', wanted: '楷体_GB2312', names: ['楷体_GB2312', 'KaiTi_GB2312'] },
];

/** Faces that are the same design under a newer encoding: substituting them changes nothing visible. */
const EQUIVALENT = new Set(['仿宋', 'FangSong', '楷体', 'KaiTi']);

export interface FontStatus {
  wanted: string;
  use: string;
  installed: boolean;
  substitute: string | null;
  /** Chinese notice for the clerk; empty when the face is installed. */
  message: string;
  serious: boolean;
}

export function checkFonts(measure: Measure = canvasMeasure()): FontStatus[] {
  return ROLES.map((r) => {
    if (r.names.some((n) => isInstalled(n, measure)))
      return { wanted: r.wanted, use: r.use, installed: true, substitute: null, message: '', serious: false };
    const next = FONT_CHAIN[r.key].filter((n) => !r.names.includes(n)).find((n) => GENERIC_NAMES.has(n) || isInstalled(n, measure));
    const substitute = !next || GENERIC_NAMES.has(next) ? '系统默认字体' : next;
    return {
      wanted: r.wanted,
      use: r.use,
      installed: false,
      substitute,
      message: `本机未安装${r.wanted}，${r.use}将以${substitute}代替`,
      serious: !EQUIVALENT.has(substitute),
    };
  });
}
