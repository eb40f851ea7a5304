/**
 * What the corner note calls each job the core runs in its worker (a method declared `worker`).
 * test/worker/job-names.test.ts keeps every such method a screen calls named here.
 */
export const JOB_NAMES: Readonly<Record<string, string>> = {
  'exchange.importFile': '正在导入台账',
  'exchange.import': '正在导入台账',
  'exchange.export': '正在导出台账',
  'backup.create': '正在备份',
  'backup.verify': '正在检查备份',
  'backup.restore': '正在恢复',
  'report.render': '正在生成报告',
  'excel.preview': '正在读取工作簿',
  'excel.import': '正在导入Excel',
  'excel.refusedRows': '正在生成未导入的行',
  'excel.exportYear': '正在导出全年台账',
  'excel.exportKind': '正在导出Excel',
  'excel.template': '正在生成模板',
  'diagnostics.integrity': '正在检查台账完整性',
};
