/**
 * docs/exchange-format.md must describe what export writes: every top-level key, every record
 * key, every setting, and — per kind — exactly the fields of KINDS. The per-kind tables are
 * generated; regenerate with `npx tsx scripts/gen-exchange-doc.ts` after changing a kind.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINDS } from '@rules/kinds';
import { exportLedger } from '@core/ledger/exchange';
import { EMPTY_SETTINGS } from '@rules/settings';
import { BEGIN, DOC_PATH, END, renderKindTables } from '../../scripts/gen-exchange-doc';
import { addAllSamples, tempLedger, type TempLedger } from '../support/ledger';

const doc = fs.readFileSync(DOC_PATH, 'utf8');

/** Kind id → field keys, read back from the doc's tables. */
function documentedFields(): Map<string, string[]> {
  const section = doc.slice(doc.indexOf(BEGIN), doc.indexOf(END));
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of section.split('\n')) {
    const h = /^### `(\w+)` — /.exec(line);
    if (h) out.set(h[1], (current = []));
    const row = /^\| `(\w+)` \|/.exec(line);
    if (row && current) current.push(row[1]);
  }
  return out;
}

/** Keys named in the first column of the doc's tables outside the generated section. */
const documentedKeys = () =>
  new Set([...doc.slice(0, doc.indexOf(BEGIN)).matchAll(/^\| `(\w+)`(?:, `(\w+)`)? \|/gm)].flatMap((m) => [m[1], m[2]]).filter(Boolean));

let L: TempLedger;
beforeAll(() => {
  L = tempLedger();
  addAllSamples(L.ctx);
});
afterAll(() => L.cleanup());

describe('docs/exchange-format.md', () => {
  it('has the generated kind tables up to date (npx tsx scripts/gen-exchange-doc.ts)', () => {
    const a = doc.indexOf(BEGIN);
    const b = doc.indexOf(END);
    expect(a).toBeGreaterThan(0);
    expect(doc.slice(a, b + END.length)).toBe(renderKindTables());
  });

  it('lists exactly the kinds and fields of KINDS, in order', () => {
    const documented = documentedFields();
    expect([...documented.keys()]).toEqual(KINDS.map((k) => k.id));
    for (const k of KINDS) expect(documented.get(k.id), k.id).toEqual(k.fields.map((f) => f.key));
  });

  it('names the format and version', () => {
    expect(doc).toContain('`fazhi-ledger-exchange`, version 1');
  });

  it('documents every top-level key, record key and setting that export writes', () => {
    const file = JSON.parse(exportLedger(L.ctx.db)) as Record<string, unknown> & { records: Record<string, unknown>[] };
    const keys = documentedKeys();
    for (const k of Object.keys(file)) expect(keys, `top-level ${k}`).toContain(k);
    for (const k of Object.keys(file.records[0])) expect(keys, `record ${k}`).toContain(k);
    for (const k of Object.keys(EMPTY_SETTINGS)) expect(keys, `setting ${k}`).toContain(k);
  });
});
