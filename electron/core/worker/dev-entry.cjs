// Outside the Electron build (tests, the harness under tsx, the bench) the worker is TypeScript:
// register tsx's require hook (it reads tsconfig paths, so @core/@rules resolve), then load it.
require('tsx/cjs');
require('../api/worker-entry.ts');
