/**
 * The API method names as a plain list, with no imports: the sandboxed preload builds its
 * `window.api` from this without bundling the core. A test checks it equals the API table's keys.
 */
export const API_METHOD_NAMES = [
  'kinds.list',
  'settings.get',
  'settings.save',
  'records.list',
  'records.get',
  'records.create',
  'records.update',
  'records.duplicate',
  'records.delete',
  'trash.list',
  'trash.restore',
  'trash.purge',
  'normativeDocs.advance',
  'normativeDocs.withdraw',
  'ledger.years',
  'ledger.stats',
  'exchange.export',
  'exchange.import',
  'figures.catalogue',
  'figures.list',
  'figures.trace',
  'report.get',
  'report.save',
  'report.reset',
  'report.assemble',
  'report.recordOutput',
  'report.staleness',
  'report.sources',
] as const;
