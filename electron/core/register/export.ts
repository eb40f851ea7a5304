/**
 * A register as a file: HTML, or PDF through the host's printer (ctx.printPdf; headless Chromium
 * when unset), written atomically when a path is given.
 */
import path from 'node:path';
import { LedgerError } from '@rules/errors';
import { writeFileAtomic } from '../fs/atomic';
import type { LedgerContext } from '../context';
import { htmlToPdf, type PdfPrinter } from '../render/pdf';
import { buildRegister, type RegisterInput } from './model';
import { renderRegisterHtml } from './html';

type RegisterFormat = 'pdf' | 'html';

function registerFormatOf(file: string): RegisterFormat {
  const ext = path.extname(file).slice(1).toLowerCase();
  if (ext !== 'pdf' && ext !== 'html') throw new LedgerError('VALIDATION', `不支持的登记簿格式“.${ext}”，请使用 .pdf 或 .html`);
  return ext;
}

/** The host's printer, else a one-off headless Chromium. */
function printWith(ctx: LedgerContext, html: string): Promise<Uint8Array> {
  return (ctx.printPdf ?? htmlToPdf)(html);
}

interface RegisterFile {
  fileName: string;
  bytes: Uint8Array;
  records: number;
}

export async function renderRegister(
  ctx: LedgerContext,
  input: RegisterInput,
  format: RegisterFormat,
  printPdf?: PdfPrinter,
): Promise<RegisterFile> {
  const model = buildRegister(ctx.db, input);
  const html = renderRegisterHtml(model);
  const bytes = format === 'html' ? new TextEncoder().encode(html) : printPdf ? await printPdf(html) : await printWith(ctx, html);
  return { fileName: `${model.title}.${format}`, bytes, records: model.rows.length };
}

/** Writes the register to file (format by extension), atomically. */
export async function exportRegister(ctx: LedgerContext, input: RegisterInput, file: string): Promise<RegisterFile> {
  const out = await renderRegister(ctx, input, registerFormatOf(file));
  writeFileAtomic(file, out.bytes);
  return out;
}
