/**
 * Writes a year's 档案袋 (one zip for the inspectors' U盘), streamed with yazl so evidence is
 * never held whole in memory:
 *
 *   00_年度报告/关于YYYY年法治政府建设情况的报告.pdf, .docx
 *   01_会议/双土镇2023年会议台账.pdf             (one folder per kind with records)
 *   01_会议/2023-03-02_党委会议（第3次）/签到表.jpg (one sub-folder per record with evidence)
 *   档案袋索引.pdf                                (every record, its evidence, what is missing)
 *   校验清单.txt, manifest.json                   (SHA-256 of every other file)
 *
 * Names are UTF-8 with the zip's language-encoding flag (yazl sets bit 11 on every entry), so
 * Explorer shows the Chinese. Written under a temp name and renamed; on any failure the temp file
 * goes and nothing is left at `out`. A stored file that is missing or no longer matches its hash
 * is left out and flagged in the index and manifest; one that changes while being packed fails
 * the whole archive.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { LedgerError } from '@rules/errors';
import { registerTitle } from '@rules/kinds/register';
import { attachmentsDirFor, type LedgerContext } from '../context';
import { assembleYear } from '../report/assemble';
import { getReportSpec } from '../report/store';
import { tempNameFor } from '../fs/atomic';
import { safePart } from './names';
import { regularFileStream } from '../fs/regular-file';
import { ioReason } from '../fs/io-reason';
import { getSettings } from '../ledger/settings';
import { openFileSink } from '../fs/file-sink';
import { HashCounter } from '../backup/hash-stream';
import { useNativeCrcForYazl } from '../backup/fast-crc';
import { defaultReportFileName, renderReport } from '../report/export';
import { placementOf, withPdfRenderer, type ImprintMeasurer, type PdfPrinter } from '../render/pdf';
import { recordOutput } from '../report/provenance';
import { buildRegister } from '../register/model';
import { renderRegisterHtml } from '../register/html';
import { planDossier, type DossierPlan } from './model';
import { renderIndexHtml } from './index-html';
import { exportKindWorkbook } from '../excel/export';
import type { DossierResult } from '@rules/api/backup';

const DOSSIER_INDEX = '档案袋索引.pdf';
const DOSSIER_MANIFEST_TXT = '校验清单.txt';
const DOSSIER_MANIFEST_JSON = 'manifest.json';
const REPORT_FOLDER = '00_年度报告';

/** The one cleaner of names (./names.ts): a stored town such as “../../x” never leaves the chosen folder. */
export const defaultDossierFileName = (town: string, year: number) => `${town.trim() ? safePart(town) : ''}${year}年法治台账档案袋.zip`;

interface DossierOptions {
  /** Defaults to ctx.printPdf, else one headless Chromium kept for all the PDFs. */
  printPdf?: PdfPrinter;
  now?: Date;
  /** Pack the report although it is 未定稿 (never saved, or blocking problems); without it such a report stops the export. */
  draftReport?: boolean;
}

/** Thrown (code CONFLICT, issue field `draftReport`) when the report is 未定稿 and the caller did not accept it. */
const DRAFT_REPORT_FIELD = 'draftReport';

/** Why the year's report is not final: never saved (the default or last year's text), or blocking problems. */
export function reportDraftReasons(ctx: LedgerContext, year: number, report = assembleYear(ctx.db, year)): string[] {
  const reasons: string[] = [];
  if (getReportSpec(ctx.db, year).source !== 'saved') reasons.push(`${year}年度报告尚未保存过（档案袋中将是默认内容）`);
  const blocking = report.problems.filter((p) => p.severity === 'blocking');
  if (blocking.length) reasons.push(`报告有${blocking.length}个必须处理的问题：${blocking.map((p) => p.message).join('；')}`);
  return reasons;
}

/** How far the export got, for the corner note and the dialog: a stage and the share of all steps. */
function dossierProgress(ctx: LedgerContext, total: number) {
  let done = 0;
  return (stage: string, steps = 1) => {
    done = Math.min(total, done + steps);
    ctx.progress?.({ method: 'dossier.export', label: stage, stage, done, total });
  };
}

interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

/** The host's printer (and its 版记 measurer), else one headless Chromium for both. */
async function withPrinter<T>(
  ctx: LedgerContext,
  given: PdfPrinter | undefined,
  fn: (print: PdfPrinter, measure?: ImprintMeasurer) => Promise<T>,
): Promise<T> {
  const p = given ?? ctx.printPdf;
  if (p) return fn(p, ctx.measureImprint);
  return withPdfRenderer((r) =>
    fn(
      (html) => r.render(html),
      async (html) => placementOf(await r.imprintFit(html)),
    ),
  );
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const localTime = (d: Date) => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

/**
 * The generated files (report, registers as PDF and xlsx, index), in memory: each is small. All
 * PDFs go through one printer: one browser (its page and fonts warm) for the whole 档案袋. The
 * printer works through its queue in its own processes while this one builds the DOCX and the
 * workbooks, so Chromium's printing and Node's work overlap instead of taking turns.
 */
async function generatedFiles(
  ctx: LedgerContext,
  plan: DossierPlan,
  town: string,
  opts: DossierOptions,
  now: Date,
  draft: { report: ReturnType<typeof assembleYear>; reasons: string[] },
  step: (stage: string) => void,
) {
  // In the archive's order (report, then each kind's PDF and workbook, then the index), filled as each is made.
  const out: { path: string; bytes: Uint8Array<ArrayBufferLike> }[] = [];
  const slot = (folder: string, name: string) => {
    const file: (typeof out)[number] = { path: plan.names.allocate(folder, name), bytes: new Uint8Array() };
    out.push(file);
    return file;
  };
  await withPrinter(ctx, opts.printPdf, async (print, measure) => {
    const report = draft.report;
    const folder = plan.names.allocate('', REPORT_FOLDER);
    const [reportPdf, reportDocx] = (['pdf', 'docx'] as const).map((f) => slot(folder, defaultReportFileName(plan.year, f)));
    const kinds = plan.kinds.map((k) => {
      const title = registerTitle(town, plan.year, k.kind);
      return { k, title, pdf: slot(k.folder, `${title}.pdf`), xlsx: slot(k.folder, `${title}.xlsx`) };
    });
    const indexPdf = slot('', DOSSIER_INDEX);
    const asBytes = (b: Uint8Array | string) => (typeof b === 'string' ? Buffer.from(b) : b);

    const printed: Promise<void>[] = [];
    const printInto = (file: (typeof out)[number], html: string, stage: string) =>
      printed.push(
        print(html).then((bytes) => {
          file.bytes = bytes;
          step(stage);
        }),
      );
    // Every PDF is queued at once, the report first (the DOCX waits for it): the printer prints as
    // many as it has pages for, so no page waits while the report prints alone.
    const reportPrinted = renderReport(report, 'pdf', print, measure).then((bytes) => {
      reportPdf.bytes = asBytes(bytes);
      recordOutput(ctx.db, plan.year, 'pdf', report.uses);
      step('生成报告PDF');
    });
    printed.push(reportPrinted);
    const title = `${town}${plan.year}年法治台账档案袋索引`;
    const jobs = [
      ...kinds.map(({ k, pdf }) => ({
        file: pdf,
        html: renderRegisterHtml(buildRegister(ctx.db, { kind: k.kind.id, year: plan.year })),
        stage: `打印登记簿：${k.kind.label}`,
      })),
      {
        file: indexPdf,
        html: renderIndexHtml(plan, { title, generatedAt: localTime(now), reportDraft: draft.reasons }),
        stage: '生成索引',
      },
    ];
    // Longest first (by HTML, a fair proxy for a job's time beyond its fixed cost): a long job
    // queued last would print alone at the end while the other page idles.
    for (const j of jobs.sort((a, b) => b.html.length - a.html.length)) printInto(j.file, j.html, j.stage);
    // Awaited below; never left unhandled while the workbooks are built.
    const allPrinted = Promise.all(printed);
    allPrinted.catch(() => undefined);
    // After the report's PDF: its 版记 layout is the one the printer just made, so the DOCX needs none of its own.
    const docx = reportPrinted.then(() => renderReport(report, 'docx', print, measure));
    docx.catch(() => undefined);
    // Meanwhile the same records as workbooks: the county and inspectors ask for Excel too.
    for (const { k, xlsx } of kinds)
      xlsx.bytes = (await exportKindWorkbook(ctx.db, { kind: k.kind.id, year: plan.year, sortBy: 'date', sortDir: 'asc' })).bytes;
    reportDocx.bytes = asBytes(await docx);
    recordOutput(ctx.db, plan.year, 'docx', report.uses);
    step('生成报告Word');
    await allPrinted;
  });
  return out;
}

export async function writeDossier(ctx: LedgerContext, year: number, out: string, opts: DossierOptions = {}): Promise<DossierResult> {
  if (!out.toLowerCase().endsWith('.zip')) throw new LedgerError('VALIDATION', '档案袋应保存为 .zip 文件');
  const now = opts.now ?? new Date();
  const town = getSettings(ctx.db).town;
  // Asked before anything is written: the clerk decides whether an unfinished report goes in.
  const report = assembleYear(ctx.db, year);
  const reportDraft = reportDraftReasons(ctx, year, report);
  if (reportDraft.length && !opts.draftReport)
    throw new LedgerError(
      'CONFLICT',
      `${year}年度报告未定稿，是否仍导出档案袋？（索引中将标注“未定稿”）`,
      reportDraft.map((message) => ({ field: DRAFT_REPORT_FIELD, message })),
    );
  useNativeCrcForYazl();
  // The temp file first: a folder that cannot be written fails before minutes of rendering.
  const tmp = tempNameFor(out);
  let sink: Awaited<ReturnType<typeof openFileSink>>;
  try {
    sink = await openFileSink(tmp, 'wx');
  } catch (err) {
    throw new LedgerError('IO', `无法写入档案袋“${out}”：${ioReason(err)}`);
  }
  const zip = new yazl.ZipFile();
  let failReject: (e: Error) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => (failReject = reject));
  failure.catch(() => undefined);
  const open = new Set<fs.ReadStream>();
  const fail = (e: Error) => {
    failReject(e);
    (zip.outputStream as unknown as Readable).destroy(e);
    for (const s of open) s.destroy();
  };
  try {
    ctx.progress?.({ method: 'dossier.export', label: '核对附件', stage: '核对附件' });
    const plan = await planDossier(ctx.db, attachmentsDirFor(ctx.file), year);
    const records = plan.kinds.flatMap((k) => k.records.map((r) => ({ kind: k.kind, r })));
    const evidence = records.flatMap(({ r }) => r.files.filter((f) => f.zipPath));
    // Steps: report PDF and Word, a register per kind, the index, then the evidence in tenths of its bytes.
    const step = dossierProgress(ctx, 3 + plan.kinds.length + 10);
    const generated = await generatedFiles(ctx, plan, town, opts, now, { report, reasons: reportDraft }, step);
    const evidenceBytes = evidence.reduce((s, f) => s + f.size, 0);
    let packed = 0;
    let tenths = 0;
    const packedBytes = (n: number) => {
      packed += n;
      const t = evidenceBytes ? Math.floor((10 * packed) / evidenceBytes) : 10;
      if (t > tenths) step('打包证据材料', t - tenths);
      tenths = Math.max(tenths, t);
    };
    const leftOut = records.flatMap(({ kind, r }) =>
      r.files.filter((f) => f.problem).map((f) => ({ kind: kind.label, record: r.title, name: f.name, problem: f.problem! })),
    );
    zip.on('error', fail);
    const done = pipeline(zip.outputStream as NodeJS.ReadableStream, sink.stream);
    done.catch(fail);
    const entries: ManifestEntry[] = [];
    // PDFs, DOCX, photos are compressed already: stored, so packing costs no CPU.
    for (const g of generated) {
      zip.addBuffer(Buffer.from(g.bytes), g.path, { compressionLevel: 0, mtime: now });
      entries.push({ path: g.path, size: g.bytes.length, sha256: sha256(g.bytes) });
    }
    for (const f of evidence) {
      zip.addReadStreamLazy(f.zipPath!, { compressionLevel: 0, size: f.size, mtime: now }, (cb) => {
        let src: fs.ReadStream;
        try {
          src = regularFileStream(f.source);
        } catch {
          return fail(new LedgerError('IO', `附件“${f.name}”在打包过程中被改动，档案袋未生成，请重新导出`));
        }
        const h = new HashCounter();
        open.add(src);
        src.on('close', () => open.delete(src));
        src.on('error', fail);
        h.on('end', () => {
          if (h.digest !== f.sha256 || h.size !== f.size)
            fail(new LedgerError('IO', `附件“${f.name}”在打包过程中被改动，档案袋未生成，请重新导出`));
        });
        const piped = src.pipe(h);
        // A second reader of the same chunks, added after pipe(): it never starts the flow early.
        src.on('data', (chunk: string | Buffer) => packedBytes(chunk.length));
        cb(null, piped);
      });
      entries.push({ path: f.zipPath!, size: f.size, sha256: f.sha256 });
    }
    // sha256sum's own format, so `sha256sum -c 校验清单.txt` checks an extracted copy.
    const txt = entries.map((e) => `${e.sha256}  ${e.path}`).join('\n') + '\n';
    const json = JSON.stringify(
      { format: 'fazhi-dossier', version: 1, town, year, generatedAt: now.toISOString(), reportDraft, files: entries, leftOut },
      null,
      2,
    );
    zip.addBuffer(Buffer.from(txt, 'utf8'), plan.names.allocate('', DOSSIER_MANIFEST_TXT), { mtime: now });
    zip.addBuffer(Buffer.from(json, 'utf8'), plan.names.allocate('', DOSSIER_MANIFEST_JSON), { mtime: now });
    zip.end();
    await Promise.race([done, failure]);
    await sink.sync();
    await sink.close();
    fs.renameSync(tmp, out);
    return {
      file: out,
      records: records.length,
      files: entries.length,
      evidence: evidence.length,
      lacking: records.filter(({ r }) => r.missing.length).length,
      reportDraft,
      leftOut,
    };
  } catch (err) {
    await sink.close().catch(() => undefined);
    fs.rmSync(tmp, { force: true });
    if (err instanceof LedgerError) throw err;
    throw new LedgerError('IO', `无法写入档案袋“${out}”：${ioReason(err)}`);
  }
}

export type { DossierResult };
