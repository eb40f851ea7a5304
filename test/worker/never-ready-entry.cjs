// A worker that never says it is ready (a start stuck loading): it takes jobs and does nothing.
const { parentPort } = require('node:worker_threads');

parentPort.on('message', () => {});
