/**
 * Child process for the workbook-bomb test: previews and imports each given workbook into the
 * ledger through the API (what the harness and the CLI call), then prints one JSON line: each
 * file's outcome and this process's peak RSS. Run with a capped heap, killed by the parent if it
 * hangs.
 * Usage: node --max-old-space-size=N --import tsx test/security/bomb-child.ts <db> <file>...
 */
import fs from 'node:fs';
import path from 'node:path';
import { callApi, openContext } from '@core/api';

const [db, ...files] = process.argv.slice(2);
const ctx = openContext(db);
const results: Record<string, { ok: boolean; message?: string }[]> = {};
async function main(): Promise<void> {
  for (const f of files) {
    const dataBase64 = fs.readFileSync(f).toString('base64');
    results[path.basename(f)] = [];
    for (const m of ['excel.preview', 'excel.import'] as const) {
      const r = await callApi(ctx, m, { dataBase64 });
      results[path.basename(f)].push(r.ok ? { ok: true } : { ok: false, message: r.error.message });
    }
  }
  ctx.close();
  process.stdout.write(`${JSON.stringify({ results, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
}
void main();
