import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A fresh folder in the temp folder for a bench that writes gigabytes, refused up front (in Chinese,
 * naming the bench) when the temp folder has less than `needGb` free. The caller removes it.
 */
export function scratchDir(prefix: string, needGb: number, what: string): string {
  const base = os.tmpdir();
  const st = fs.statfsSync(base);
  if (st.bavail * st.bsize < needGb * 1024 ** 3) throw new Error(`临时目录 ${base} 可用空间不足 ${needGb} GB，无法运行${what}基准`);
  return fs.mkdtempSync(path.join(base, prefix));
}
