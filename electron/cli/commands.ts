/** The CLI with every command registered: the entry point (index.ts) and the tests load this same set. */
import './backup-commands';
import './report-commands';
import './register-commands';
import './excel-commands';
import './diagnostics-commands';

export { runCli } from './run';
