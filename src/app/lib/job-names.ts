import type { Progress } from '@rules/api/protocol';

/**
 * What the corner note calls each job the core runs in its worker (a method declared `worker`), and
 * the inline jobs that report progress (the 档案袋).
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
  'dossier.export': '正在导出档案袋',
};

/** 正在备份（37%）… while a share is known (with the stage, if the job names one), else the stage the job names (正在备份：校验中…). */
export const describeJob = (p: Progress): string => {
  const name = JOB_NAMES[p.method] ?? '正在处理';
  if (p.total) return `${name}${p.stage ? `：${p.stage}` : ''}（${Math.min(100, Math.floor(((p.done ?? 0) / p.total) * 100))}%）…`;
  return p.label && p.label !== '已开始' ? `${name}：${p.label}…` : `${name}…`;
};
