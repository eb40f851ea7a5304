// A worker speaking the pool's protocol (electron/core/worker/protocol.ts) whose jobs misbehave on
// purpose: `crash` throws from a callback, `hog` fills its heap, `hang` never answers, `slow`
// answers after a while, anything else answers at once.
const { parentPort } = require('node:worker_threads');

const answer = (id, value) => parentPort.postMessage({ id, result: { ok: true, value } });
parentPort.on('message', (job) => {
  if (job.name === 'crash') {
    setImmediate(() => {
      throw new Error('boom');
    });
  } else if (job.name === 'hog') {
    const kept = [];
    for (;;) kept.push(new Array(1 << 20).fill(kept.length));
  } else if (job.name === 'hang') {
    // No answer, no progress.
  } else if (job.name === 'slow') {
    setTimeout(() => answer(job.id, 'slow done'), 1500);
  } else {
    answer(job.id, `${job.name} done`);
  }
});
parentPort.postMessage({ ready: true });
