/**
 * Workbooks made by LibreOffice Calc, the way clerks' own sheets are: the same sheet specs as
 * ./helpers.ts are written as flat ODS (.fods: merged title cells, real dates with a date format,
 * numbers, text) and converted to xlsx by `soffice --headless --convert-to xlsx`, all files in one
 * soffice run with a private profile (../render-docx/soffice.ts). A missing soffice is an error, never a skip.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SheetSpec } from './helpers';
import { sofficeConvert } from '../render-docx/soffice';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A1:G1 → the first cell's row and column (0-based) and how many columns it spans. */
function spans(merges: readonly string[] = []): Map<string, number> {
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const out = new Map<string, number>();
  for (const m of merges) {
    const [a, b] = m.split(':').map((x) => /^([A-Z]+)(\d+)$/.exec(x)!);
    out.set(`${Number(a[2]) - 1}:${col(a[1])}`, col(b[1]) - col(a[1]) + 1);
  }
  return out;
}

function cellXml(v: unknown, span: number | undefined): string {
  const spanned = span ? ` table:number-columns-spanned="${span}"` : '';
  const covered = span ? `<table:covered-table-cell table:number-columns-repeated="${span - 1}"/>` : '';
  if (v === null || v === undefined || v === '') return `<table:table-cell${spanned}/>${covered}`;
  if (v instanceof Date) {
    const iso = v.toISOString().slice(0, 10);
    return `<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="${iso}"${spanned}><text:p>${iso}</text:p></table:table-cell>${covered}`;
  }
  if (typeof v === 'number')
    return `<table:table-cell office:value-type="float" office:value="${v}"${spanned}><text:p>${v}</text:p></table:table-cell>${covered}`;
  return `<table:table-cell office:value-type="string"${spanned}><text:p>${esc(String(v))}</text:p></table:table-cell>${covered}`;
}

function fods(sheets: SheetSpec[]): string {
  const tables = sheets.map((s) => {
    const span = spans(s.merges);
    const rows = s.rows.map((r, i) =>
      r
        ? `<table:table-row>${r.map((v, j) => cellXml(v, span.get(`${i}:${j}`))).join('')}</table:table-row>`
        : '<table:table-row><table:table-cell/></table:table-row>',
    );
    return `<table:table table:name="${esc(s.name)}">${rows.join('')}</table:table>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="N37"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N37"/>
</office:automatic-styles>
<office:body><office:spreadsheet>${tables.join('')}</office:spreadsheet></office:body></office:document>`;
}

/** Each named workbook as Calc writes it (xlsx bytes), converted in one soffice run. */
export function calcWorkbooks(books: Record<string, SheetSpec[]>): Record<string, Buffer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-calc-'));
  try {
    const files = Object.entries(books).map(([name, sheets]) => {
      const file = path.join(dir, `${name}.fods`);
      fs.writeFileSync(file, fods(sheets));
      return file;
    });
    sofficeConvert(files, 'xlsx', dir);
    return Object.fromEntries(Object.keys(books).map((name) => [name, fs.readFileSync(path.join(dir, `${name}.xlsx`))]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
