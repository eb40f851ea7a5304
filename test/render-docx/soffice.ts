/**
 * DOCX → PDF with headless LibreOffice for the layout tests. Each call gets a private user profile
 * (-env:UserInstallation) so parallel test files never share one, with FONTCONFIG_FILE set to
 * test/support/fonts.conf: a DOCX names one 公文 face per run of text, which that file sends to the
 * Noto CJK face of its role. Chromium needs no such file (the report's font stacks end in the Noto
 * faces), and it prints as the app does without it: under it each aliased name is a face of its own,
 * which made every print several times dearer (docs/layout.md).
 * A missing soffice is an error, never a skip: the layout checks are the point of these tests.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const OUTPUT_DIR = path.resolve(__dirname, '../../test-output/render-docx');

export function requireTools(): void {
  const missing = ['soffice', 'pdftotext', 'pdftoppm', 'pdfinfo'].filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).status !== 0,
  );
  if (missing.length) {
    throw new Error(
      `DOCX layout tests need ${missing.join(', ')} on PATH (apt-get install libreoffice-writer-nogui poppler-utils); ` +
        'they are not skipped because they are the only check of the page geometry.',
    );
  }
}

const FONTS_CONF = fileURLToPath(new URL('../support/fonts.conf', import.meta.url));

/** Converts files to another format (`pdf`, `xlsx`) into `outDir` in one soffice run with a private profile. */
export function sofficeConvert(paths: string[], to: string, outDir: string): void {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-docx-lo-'));
  try {
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        to,
        '--outdir',
        outDir,
        ...paths,
      ],
      { env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF }, stdio: 'pipe', timeout: 540_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Converts every .docx to a PDF beside it in one soffice run; returns the PDF paths in order. */
export function convertToPdf(docxPaths: string[], outDir: string): string[] {
  requireTools();
  sofficeConvert(docxPaths, 'pdf', outDir);
  const pdfs = docxPaths.map((p) => path.join(outDir, `${path.basename(p, '.docx')}.pdf`));
  const absent = pdfs.filter((p) => !fs.existsSync(p));
  if (absent.length) throw new Error(`LibreOffice wrote no PDF for: ${absent.join(', ')}`);
  return pdfs;
}

/** PNG previews (60 dpi) of the given 1-based pages, for looking at. */
export function previewPages(pdfPath: string, pages: number[]): string[] {
  const base = pdfPath.replace(/\.pdf$/, '');
  return [...new Set(pages)].map((n) => {
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(n), '-l', String(n), '-singlefile', pdfPath, `${base}-p${n}`]);
    return `${base}-p${n}.png`;
  });
}

export function pageCount(pdfPath: string): number {
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo gave no page count for ${pdfPath}`);
  return Number(m[1]);
}
