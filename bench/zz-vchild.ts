import { verifyBackup } from '@core/backup/verify';
async function main() {
  const f = process.argv[2];
  for (let i = 0; i < 4; i++) {
    const t = performance.now();
    await verifyBackup(f);
    console.log('verify ms', (performance.now() - t).toFixed(0));
  }
}
void main();
