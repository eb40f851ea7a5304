/** Entry of the Electron main process (out/main/index.js); everything happens in shell.ts. */
import { startShell } from './shell';

void startShell(__dirname);
