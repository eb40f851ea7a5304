/** Entry point of `npm run cli -- <command> …`. */
import { runCli } from './run';
import './backup-commands';
import './report-commands';
import './register-commands';

runCli(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`错误：${String(err)}\n`);
    process.exitCode = 1;
  },
);
