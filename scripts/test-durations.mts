/**
 * `npm run test:durations`: keeps how long each test file took in the last `npm test`
 * (test-output/vitest.json, vitest's JSON report) as test/durations.json, whole seconds by file,
 * which scripts/test-sequencer.mts reads to start the longest files first. Files the report does not
 * hold (a run of a part) keep their old time. Other reports can be named instead
 * (`npm run test:durations -- a.json b.json`, e.g. from `vitest run --reporter=json --outputFile.json=a.json`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DURATIONS_FILE } from './test-sequencer.mjs';

const root = path.resolve(import.meta.dirname, '..');
const reports = process.argv.length > 2 ? process.argv.slice(2) : [path.join(root, 'test-output/vitest.json')];

interface JsonReport {
  testResults: { name: string; startTime: number; endTime: number }[];
}

const results = reports.flatMap((f) => (JSON.parse(fs.readFileSync(f, 'utf8')) as JsonReport).testResults);
const old: Record<string, number> = fs.existsSync(DURATIONS_FILE) ? JSON.parse(fs.readFileSync(DURATIONS_FILE, 'utf8')) : {};
const merged = { ...old };
for (const r of results) {
  const file = path.relative(root, r.name).split(path.sep).join('/');
  merged[file] = Math.max(1, Math.round((r.endTime - r.startTime) / 1000));
}
// Only files that still exist, in path order (a stable diff).
const kept = Object.keys(merged)
  .filter((f) => fs.existsSync(path.join(root, f)))
  .sort();
const tmp = `${DURATIONS_FILE}.tmp`;
fs.writeFileSync(tmp, `${JSON.stringify(Object.fromEntries(kept.map((f) => [f, merged[f]])), null, 2)}\n`);
fs.renameSync(tmp, DURATIONS_FILE);
console.log(`test/durations.json: ${kept.length} files (${results.length} from the reports)`);
