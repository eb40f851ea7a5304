// Outside the Electron build (tests, the harness and the CLI under tsx, the bench) a backup thread
// is TypeScript: register tsx's require hook, then load the module named by the thread's first
// argument (thread-script.ts). The build's out/main/backup-*.js are the same modules compiled.
require('tsx/cjs');
require(process.argv[2]);
