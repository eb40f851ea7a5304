// The core's worker script (electron/core/worker/dev-entry.cjs) with one addition for tests that
// must see a job part-way, whatever the machine's speed: while a file named `hold-job` lies beside
// the job's ledger, the thread stops dead right after the job's first report of a share of work
// (a progress with a total), as a long computation would, and goes on once the test removes the file.
const fs = require('node:fs');
const path = require('node:path');
const { parentPort } = require('node:worker_threads');

let holdFile = null;
// Registered before the real entry's listener, so the job's ledger is known when its work starts.
parentPort.on('message', (job) => {
  holdFile = path.join(path.dirname(job.file), 'hold-job');
});
const post = parentPort.postMessage.bind(parentPort);
const nap = new Int32Array(new SharedArrayBuffer(4));
parentPort.postMessage = (m) => {
  post(m);
  if (holdFile && m && m.progress && m.progress.total !== undefined) {
    // Atomics.wait blocks the thread itself: no callback of the job runs until the file is gone.
    while (fs.existsSync(holdFile)) Atomics.wait(nap, 0, 0, 50);
  }
};
require('../../../electron/core/worker/dev-entry.cjs');
