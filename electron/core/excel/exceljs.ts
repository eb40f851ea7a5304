/**
 * exceljs, loaded the first time a workbook is read or written. Loading it costs about a quarter of
 * a second, and Electron's main process, each worker thread and every CLI command load the core at
 * start: with a static import all of them paid it, workbook or not.
 */
import type ExcelJS from 'exceljs';

export async function loadExcelJs(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
