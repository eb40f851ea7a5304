/**
 * The CLI in this process: the same commands and parser as `npm run cli`, minus a Node start per
 * call (a few CPU-seconds each). Output comes back as the process would write it (one line per
 * write, each ending in a newline). What only a real process shows (exit status, the streams,
 * the working folder) is tested once in test/cli/process.test.ts.
 */
import { runCli } from '../../electron/cli/commands';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

export async function cli(...args: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
  return { code, out, err };
}
