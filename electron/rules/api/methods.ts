/**
 * The renderer's surface as a plain list, with no imports: the sandboxed preload builds its
 * `window.api` from this without bundling the core. It is every method of the API table not
 * declared `cliOnly` (a compile-time check in electron/preload/contract.ts and a test keep it so);
 * a method no screen calls is declared cliOnly and left out (test/main/renderer-surface.test.ts).
 */
export const RENDERER_METHOD_NAMES = [
  'kinds.list',
  'settings.get',
  'settings.save',
  'records.list',
  'records.get',
  'records.totals',
  'records.search',
  'records.create',
  'records.update',
  'records.duplicate',
  'records.delete',
  'trash.list',
  'trash.restore',
  'trash.purge',
  'normativeDocs.advance',
  'normativeDocs.withdraw',
  'normativeDocs.correct',
  'normativeDocs.return',
  'ledger.years',
  'ledger.stats',
  'ledger.gaps',
  'ledger.evidenceGaps',
  'figures.catalogue',
  'figures.list',
  'figures.trace',
  'figures.custom.list',
  'figures.custom.save',
  'figures.custom.delete',
  'figures.custom.preview',
  'report.get',
  'report.save',
  'report.reset',
  'report.assemble',
  'report.staleness',
  'report.sources',
  'backup.drives',
  'backup.create',
  'backup.list',
  'backup.inspect',
  'backup.verify',
  'backup.restore',
  'backup.status',
  'backup.safetyCopies',
  'attachments.list',
  'attachments.remove',
  'attachments.upload',
  'attachments.download',
  'attachments.tag',
  'register.pdf',
  'register.html',
  'dossier.export',
  'excel.preview',
  'excel.import',
  'excel.refusedRows',
  'excel.exportYear',
  'excel.exportKind',
  'excel.template',
  'diagnostics.collect',
  'diagnostics.integrity',
] as const;
export type RendererMethodName = (typeof RENDERER_METHOD_NAMES)[number];

/** The IPC channel of a method: `api:<name>` (main handles it, the preload invokes it). */
export const channelFor = (name: string): string => `api:${name}`;

/** Main → page: how far a long job has got (Progress, ./protocol.ts). */
export const PROGRESS_CHANNEL = 'api:progress';
