// Preloaded into a Node process (`node --require` this file): when the process exits, writes the
// packages it had loaded (node_modules folder names, one a line) to $FAZHI_LOADED_OUT.
const fs = require('node:fs');

process.on('exit', () => {
  const names = Object.keys(require.cache)
    .map((f) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(f)?.[1])
    .filter(Boolean);
  fs.writeFileSync(process.env.FAZHI_LOADED_OUT, [...new Set(names)].join('\n'));
});
