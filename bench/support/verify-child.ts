/**
 * The verify bench's child: verifies the backup argv[2] once and prints how long verifyBackup took
 * (its own start-up not counted). Bundled by bench/backup.ts with esbuild and run under plain node
 * beside its two threads bundled the same way, as the app runs the built worker: tsx's transform
 * wraps every function it creates in a naming helper, which alone made verify about a fifth slower
 * than the same code bundled.
 */
import { verifyBackup } from '@core/backup/verify';

async function main(): Promise<void> {
  const t0 = performance.now();
  await verifyBackup(process.argv[2]);
  process.stdout.write(`${performance.now() - t0}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exitCode = 1;
});
