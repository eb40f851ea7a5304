// Outside the Electron build (tests, the harness and the CLI under tsx, the bench) the scan thread
// is TypeScript: register tsx's require hook, then load it (the build's out/main/backup-scan.js
// is the same module compiled).
require('tsx/cjs');
require('./scan-thread.ts');
