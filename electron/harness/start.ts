/**
 * `npm run web`: opens a ledger file (./web-ledger.db unless --db) behind the loopback harness
 * and prints the address to open in a browser. The page carries its own token; the token is
 * printed too, for curl. Runs until Ctrl+C.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import log from 'electron-log/node';
import { logStart, logToFile } from '@core/diagnostics/log';
import { versionsOf } from '@core/diagnostics/collect';
import { startHarness } from './server';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: './web-ledger.db' },
    port: { type: 'string', default: '5780' },
    renderer: { type: 'string', default: 'out/renderer' },
  },
});

async function main(): Promise<void> {
  // The log sits beside the ledger, as the app's sits in its data folder.
  const file = path.join(path.dirname(path.resolve(values.db!)), 'logs', 'web.log');
  const harness = await startHarness({
    dbFile: values.db!,
    port: Number(values.port),
    rendererDir: values.renderer,
    log: { logger: logToFile(log, file, { console: true }), file },
    warmPrinter: true,
  });
  logStart(log, versionsOf(harness.ctx.db, harness.ctx.host!, harness.ctx.appVersion), harness.ctx.file);
  process.stdout.write(
    `法治台账 浏览器调试环境已启动（仅本机可访问）\n` +
      `  台账文件：${harness.ctx.file}\n` +
      `  日志：${file}\n` +
      `  打开：${harness.url}\n` +
      `  令牌（仅 curl 等脚本需要，页面已自带）：${harness.token}\n` +
      `    curl -X POST -H 'content-type: application/json' -H 'x-harness-token: ${harness.token}' -d '{}' ${harness.url}api/kinds.list\n` +
      `按 Ctrl+C 停止。\n`,
  );

  const stop = () => {
    process.stdout.write('正在停止…\n');
    void harness.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`无法启动调试环境：${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
