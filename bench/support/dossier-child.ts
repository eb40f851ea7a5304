/**
 * The 档案袋 bench's child: writes the dossier of argv[2] to argv[3] and sends back its own peak
 * RSS. PDFs are printed by the parent over IPC, as in the app, where printToPDF runs in
 * Electron's renderer process, not in main. Bundled by bench/dossier.ts with esbuild and run
 * under plain node, like the app's bundled main process.
 */
import fs from 'node:fs';
import { openContext } from '@core/api';
import { writeDossier } from '@core/dossier/write';

type Reply = { id: number; pdfBase64?: string; error?: string };

async function main(): Promise<void> {
  const [db, out] = process.argv.slice(2);
  const waiting = new Map<number, (r: Reply) => void>();
  let next = 0;
  process.on('message', (r: Reply) => waiting.get(r.id)?.(r));
  const ctx = openContext(db);
  ctx.printPdf = (html) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, (r) => {
        waiting.delete(id);
        if (r.error) reject(new Error(r.error));
        else resolve(Buffer.from(r.pdfBase64!, 'base64'));
      });
      process.send!({ id, html });
    });
  try {
    const t0 = performance.now();
    const r = await writeDossier(ctx, 2023, out, { draftReport: true });
    const ms = performance.now() - t0;
    process.send!({ done: { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, evidence: r.evidence, size: fs.statSync(out).size } });
  } finally {
    ctx.close();
    process.disconnect();
  }
}

if (process.send)
  void main().catch((err: unknown) => {
    process.send!({ failed: String(err) });
    process.exitCode = 1;
  });
