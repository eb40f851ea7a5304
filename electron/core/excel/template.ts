/**
 * Templates: one sheet per kind (or one workbook for the whole ledger) with the form's columns,
 * drop-down lists, formats and a frozen header row, plus a 说明 sheet explaining every field in
 * the words docs/exchange-format.md uses (@rules/kinds/describe).
 */
import type ExcelJS from 'exceljs';
import { loadExcelJs } from './exceljs';
import { KINDS, kindForLevel, type KindDef } from '@rules/kinds';
import type { TownType } from '@rules/town-type';
import { describeField, describeRule } from '@rules/kinds/describe';
import { headerOf, listValidation, listValues, sheetFields, styleHeaderRow, writeHeader } from './sheet';
import { columnLetter } from './read';

/** Rows of a template that carry drop-downs and formats. */
const TEMPLATE_ROWS = 1000;

function addKindSheet(wb: ExcelJS.Workbook, kind: KindDef, villages: readonly string[]): void {
  const fields = sheetFields(kind);
  const ws = wb.addWorksheet(kind.label, { properties: { defaultRowHeight: 18 } });
  writeHeader(ws, fields, true);
  fields.forEach((f, i) => {
    const dv = listValidation(f, villages);
    if (!dv) return;
    const col = columnLetter(i);
    // One validation over the whole column range (exceljs keys validations by address).
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      `${col}2:${col}${TEMPLATE_ROWS}`,
      dv,
    );
  });
}

function addGuide(wb: ExcelJS.Workbook, kinds: readonly KindDef[], villages: readonly string[]): void {
  const ws = wb.addWorksheet('说明');
  ws.columns = [
    { header: '台账类型（工作表）', width: 18 },
    { header: '列名', width: 22 },
    { header: '必填', width: 6 },
    { header: '填写要求', width: 48 },
    { header: '可选值', width: 60 },
  ];
  styleHeaderRow(ws);
  for (const k of kinds) {
    for (const f of sheetFields(k)) {
      ws.addRow([
        k.label,
        headerOf(f, false),
        f.required ? '是' : '',
        describeField(f, 'excel'),
        listValues(f, villages)?.join('、') ?? '',
      ]);
    }
    for (const r of k.rules ?? []) ws.addRow([k.label, '（规则）', '', describeRule(k, r, 'excel'), '']);
    const managed = k.fields.filter((f) => f.managed);
    if (managed.length)
      ws.addRow([k.label, '（程序管理）', '', `${managed.map((f) => f.label).join('、')}由程序在办理各环节时填写，导入时不读取`, '']);
  }
  ws.addRow([]);
  for (const line of [
    '带*的列必填。每个工作表的名称即台账类型；一行一条记录，不要合并单元格。',
    '日期可写2023-03-05、2023/3/5、2023.3.5或2023年3月5日；数字可带单位（如45人）。',
    '导入只会新增记录，不会覆盖已有台账；与已有记录日期和名称都相同的行默认跳过。',
  ])
    ws.addRow([line]);
  // The data rows only: the header row keeps the one header look.
  ws.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
  });
}

/**
 * The template for one kind, or (no kind) for the whole ledger, as xlsx bytes; `villages` (the
 * ledger's 设置) give the 村（社区） columns their drop-down, and its 乡镇类型 the wording of level options.
 */
export async function templateWorkbook(kind?: KindDef, villages: readonly string[] = [], townType: TownType = '镇'): Promise<Buffer> {
  const kinds = (kind ? [kind] : KINDS).map((k) => kindForLevel(k, townType));
  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = '法治台账';
  for (const k of kinds) addKindSheet(wb, k, villages);
  addGuide(wb, kinds, villages);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const templateFileName = (kind?: KindDef) => (kind ? `${kind.label}台账模板.xlsx` : '法治台账导入模板.xlsx');
