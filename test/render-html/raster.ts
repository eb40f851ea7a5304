/**
 * Pixels of a PDF page via pdftoppm: finds rules (the red 分隔线, the 版记 lines) that carry no
 * text, and writes the PNGs a human looks at.
 */
import { execFileSync } from 'node:child_process';
import { requireTool } from './measure';

export interface Raster {
  width: number;
  height: number;
  dpi: number;
  rgb: Buffer;
}

export function rasterPage(pdfPath: string, page: number, dpi = 100): Raster {
  requireTool('pdftoppm', 'poppler-utils');
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdfPath], {
    maxBuffer: 256 << 20,
  });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error(`pdftoppm gave no PPM for page ${page} of ${pdfPath}`);
  return { width: +header[1], height: +header[2], dpi, rgb: ppm.subarray(header[0].length) };
}

export type Pixel = (r: number, g: number, b: number) => boolean;
export const isRed: Pixel = (r, g, b) => r > 170 && g < 110 && b < 110;
export const isDark: Pixel = (r, g, b) => r < 110 && g < 110 && b < 110;

/** Millimetre extents of horizontal runs of `pixel` at least `minMm` long: one entry per pixel row. */
export function horizontalLines(r: Raster, pixel: Pixel, minMm: number): { yMm: number; x0Mm: number; x1Mm: number }[] {
  const mm = 25.4 / r.dpi;
  const out: { yMm: number; x0Mm: number; x1Mm: number }[] = [];
  for (let y = 0; y < r.height; y++) {
    let start = -1;
    for (let x = 0; x <= r.width; x++) {
      const i = (y * r.width + x) * 3;
      const on = x < r.width && pixel(r.rgb[i], r.rgb[i + 1], r.rgb[i + 2]);
      if (on && start < 0) start = x;
      if (!on && start >= 0) {
        if ((x - start) * mm >= minMm) out.push({ yMm: (y + 0.5) * mm, x0Mm: start * mm, x1Mm: x * mm });
        start = -1;
      }
    }
  }
  return out;
}

export function countPixels(r: Raster, pixel: Pixel): number {
  let n = 0;
  for (let i = 0; i < r.rgb.length; i += 3) if (pixel(r.rgb[i], r.rgb[i + 1], r.rgb[i + 2])) n++;
  return n;
}

/** Writes `<prefix>-<page>.png` for each page, for eyes rather than assertions. */
export function writePngs(pdfPath: string, pages: number[], prefix: string, dpi = 60): void {
  requireTool('pdftoppm', 'poppler-utils');
  for (const p of [...new Set(pages)]) {
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', '-f', String(p), '-l', String(p), pdfPath, `${prefix}-${p}`]);
  }
}
