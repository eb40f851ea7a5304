/**
 * `npm run bench [-- name …]`: runs every bench/*.ts module that exports `run(): Promise<BenchRow[]>`
 * (or only the named ones, e.g. `npm run bench -- ledger`) and prints one table, each row with
 * what it is compared against, then the load the run saw.
 * Exits 1 when a row misses its target or a module fails, so CI can hold the numbers. When other
 * work loaded the machine (support/other-load.ts) no row is judged (the table says so): a time
 * measured beside other heavy work says nothing about the code, so it neither passes nor fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchRow } from './row';
import { watchOtherLoad, type OtherLoad } from './support/other-load';

/** Modules in the order they run; those not written yet are skipped. */
export const BENCH_MODULES = [
  'ledger',
  'render-html',
  'render-docx',
  'backup',
  'responsive',
  'ui',
  'report',
  'register',
  'dossier',
  'excel',
] as const;
const NOT_BENCHES = new Set(['index', 'row']);

interface Line {
  row: BenchRow;
  /** undefined: the row has no target; null: it has one but the load was too high to judge it. */
  ok: boolean | undefined | null;
}

/**
 * Other work's load per core above which no row is judged: over the whole run, and over its busiest
 * 5 seconds. The rows that print or back up keep both cores busy, so what others take comes out of theirs.
 */
export const MAX_OTHER_LOAD_PER_CORE = 0.5;
export const MAX_OTHER_PEAK_PER_CORE = 1;
const LOAD_SAMPLE_MS = 5_000;

/** The 1-minute load average at the start, at the end and the highest seen in between, and other work's share of it. */
export interface LoadSeen {
  start: number;
  max: number;
  end: number;
  cores: number;
  other: OtherLoad;
}

export function watchLoad(): () => Promise<LoadSeen> {
  const now = () => os.loadavg()[0];
  const start = now();
  let max = start;
  const timer = setInterval(() => (max = Math.max(max, now())), LOAD_SAMPLE_MS);
  timer.unref();
  const stopOther = watchOtherLoad();
  return async () => {
    clearInterval(timer);
    const other = await stopOther();
    const end = now();
    return { start, max: Math.max(max, end), end, cores: os.availableParallelism(), other };
  };
}

/** True when the run may be judged: other work stayed within its limits per core. */
export const judgeable = ({ other, cores }: LoadSeen): boolean =>
  other.mean <= MAX_OTHER_LOAD_PER_CORE * cores && other.peak <= MAX_OTHER_PEAK_PER_CORE * cores;

export function loadLine(load: LoadSeen): string {
  const f = (n: number) => n.toFixed(2);
  const total = `load average (1 min, the bench's own threads included) ${f(load.start)} at start, ${f(load.max)} at most, ${f(load.end)} at end, on ${load.cores} cores`;
  const top = load.other.top.map((t) => `${t.comm} ${f(t.load)}`).join(', ');
  const other = `other work's load ${f(load.other.mean)} over the run, ${f(load.other.peak)} in its busiest 5 s (${load.other.samples} samples${top ? `; most: ${top}` : ''})`;
  const limits = `${MAX_OTHER_LOAD_PER_CORE * load.cores} and ${MAX_OTHER_PEAK_PER_CORE * load.cores}`;
  return judgeable(load)
    ? `${total}\n${other}: within ${limits}, rows judged.`
    : `${total}\n${other}: above ${limits}, so no row is judged (not judged ≠ missed); read the ratios, re-run on an idle machine for a verdict.`;
}

/** Modules found next to this file, known ones first, then any other bench/*.ts exporting run. */
export function findModules(dir: string): string[] {
  const present = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -3))
    .filter((n) => !NOT_BENCHES.has(n));
  const known = BENCH_MODULES.filter((n) => present.includes(n));
  return [...known, ...present.filter((n) => !(BENCH_MODULES as readonly string[]).includes(n)).sort()];
}

export function formatTable(lines: Line[]): string {
  const cells = [
    ['name', 'ms', 'target', 'ok?', 'against', 'note'],
    ...lines.map(({ row, ok }) => [
      row.name,
      row.ms < 10 ? row.ms.toFixed(2) : row.ms.toFixed(0),
      row.targetMs === undefined ? '' : `< ${Math.round(row.targetMs)}`,
      ok === undefined ? '–' : ok === null ? 'not judged' : ok ? 'ok' : 'MISSED',
      row.against ?? (row.targetMs === undefined ? '' : 'a fixed time'),
      row.note ?? '',
    ]),
  ];
  // East Asian characters take two columns in a terminal.
  const width = (s: string) =>
    [...s].reduce(
      (w, c) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1),
      0,
    );
  const cols = cells[0].length - 1; // the note column is not padded
  const widths = Array.from({ length: cols }, (_, c) => Math.max(...cells.map((r) => width(r[c]))));
  const pad = (s: string, w: number, right: boolean) => (right ? ' '.repeat(w - width(s)) + s : s + ' '.repeat(w - width(s)));
  return cells
    .map((r, i) => {
      const line = r
        .map((s, c) => (c < cols ? pad(s, widths[c], c === 1 || c === 2) : s))
        .join('  ')
        .trimEnd();
      return i === 0 ? `${line}\n${'-'.repeat(widths.reduce((a, b) => a + b + 2, 0) + 4)}` : line;
    })
    .join('\n');
}

async function main(argv: string[]): Promise<number> {
  const dir = __dirname;
  const available = findModules(dir);
  const unknown = argv.filter((a) => !available.includes(a));
  if (unknown.length) {
    process.stderr.write(`未知的基准：${unknown.join('、')}（可选：${available.join('、')}）\n`);
    return 1;
  }
  const names = argv.length ? argv : available;
  const lines: Line[] = [];
  let failed = false;
  const stopWatching = watchLoad();
  for (const name of names) {
    process.stderr.write(`… ${name}\n`);
    try {
      const mod = (await import(path.join(dir, `${name}.ts`))) as { run?: () => Promise<BenchRow[]> };
      if (typeof mod.run !== 'function') continue;
      for (const row of await mod.run()) lines.push({ row, ok: row.targetMs === undefined ? undefined : row.ms < row.targetMs });
    } catch (err) {
      failed = true;
      lines.push({ row: { name: `${name}: FAILED`, ms: NaN, note: err instanceof Error ? err.message : String(err) }, ok: false });
    }
  }
  const load = await stopWatching();
  const judged = judgeable(load);
  // A module that failed is still a failure; only a time goes unjudged.
  const shown = judged ? lines : lines.map((l) => (l.ok === undefined || l.row.name.endsWith(': FAILED') ? l : { ...l, ok: null }));
  if (judged && lines.some((l) => l.ok === false)) failed = true;
  process.stdout.write(`${formatTable(shown)}\n${loadLine(load)}\n`);
  return failed ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
