/**
 * The API's types, Node-free, for both sides: what each method takes (inferred from its schema in
 * ./inputs.ts) and what it answers (plain types). The core's table is checked against them at
 * compile time (electron/core/api/index.ts), so the screens can name a method's types without
 * loading the core's declarations, and with them better-sqlite3's and Node's.
 */
import type { z } from 'zod';
import type { ErrorCode, Issue } from '../errors';
import type { FigureDef } from '../figures/types';
import type { KindData } from '../kinds/types';
import type { SourceRow } from '../report/sources-csv';
import type { ReportSpec } from '../report/spec';
import type { Settings } from '../settings';
import type { Diagnostics } from '../diagnostics';
import type { BackupInfo, BackupStatus, DossierResult, Drive, ListedBackup, Restored } from './backup';
import type { CommitResult, ImportPreview } from './excel';
import type { ApiInputs } from './inputs';
import type { Attachment, EvidenceGaps, LedgerGaps, LedgerRecord, ListPage, SearchGroup } from './records';
import type { AssembledReport, FigureResult, FigureUse, Staleness } from './report';

/** A file the core made for the page to download. */
interface FileOut {
  fileName: string;
  dataBase64: string;
  records: number;
}

/** Where a year's report spec came from: saved for it, copied from an earlier year, or the default outline. */
type SpecSource = 'default' | 'saved' | 'previous';

export interface ApiOutputs {
  'kinds.list': KindData[];
  'settings.get': Settings;
  'settings.save': Settings;
  'records.list': ListPage;
  'records.totals': Record<string, number>;
  'records.search': SearchGroup[];
  'records.get': LedgerRecord;
  'records.create': LedgerRecord;
  'records.update': LedgerRecord;
  'records.duplicate': LedgerRecord;
  'records.delete': LedgerRecord;
  'trash.list': LedgerRecord[];
  'trash.restore': LedgerRecord;
  'trash.purge': { purged: string };
  'normativeDocs.advance': LedgerRecord;
  'normativeDocs.withdraw': LedgerRecord;
  'normativeDocs.correct': LedgerRecord;
  'normativeDocs.return': LedgerRecord;
  'ledger.years': number[];
  'ledger.stats': Record<string, number>;
  'ledger.gaps': LedgerGaps;
  'ledger.evidenceGaps': EvidenceGaps;
  'exchange.export': string;
  'exchange.import': { records: number };
  'exchange.importFile': { records: number; safetyCopy: string };

  'figures.catalogue': FigureDef[];
  'figures.list': FigureResult[];
  'figures.trace': LedgerRecord[];
  'figures.custom.list': { def: FigureDef; problem: string | null }[];
  'figures.custom.save': FigureDef;
  'figures.custom.delete': void;
  'figures.custom.preview': { issues: Issue[]; result: FigureResult | null; records: LedgerRecord[]; total: number };
  'report.get': { spec: ReportSpec; source: SpecSource; fromYear?: number };
  'report.save': ReportSpec;
  'report.reset': ReportSpec;
  'report.assemble': AssembledReport;
  'report.recordOutput': number;
  'report.render': { content: string | Uint8Array; uses: FigureUse[] };
  'report.staleness': Staleness;
  /** What the report screen shows after every change, from one computation of the year's figures. */
  'report.overview': { values: FigureResult[]; assembled: AssembledReport; staleness: Staleness };
  'report.sources': SourceRow[];

  'backup.drives': { estimateBytes: number; drives: (Drive & { enoughSpace: boolean })[] };
  'backup.create': { file: string; bytes: number; info: BackupInfo; deleted: string[] };
  'backup.list': ListedBackup[];
  'backup.inspect': BackupInfo;
  'backup.verify': { sound: true; info: BackupInfo } | { sound: false; code: ErrorCode; problem: string };
  'backup.restore': Restored;
  'backup.status': BackupStatus;
  'backup.safetyCopies': { dir: string; copies: { file: string; bytes: number; modifiedAt: string }[] };

  'attachments.add': Attachment;
  'attachments.list': Attachment[];
  'attachments.remove': Attachment;
  'attachments.upload': Attachment;
  'attachments.tag': Attachment;
  'attachments.download': { name: string; dataBase64: string };

  'register.pdf': { fileName: string; records: number; dataBase64: string };
  'register.html': { fileName: string; records: number; html: string };
  'register.export': { file: string; fileName: string; records: number };

  'dossier.export': DossierResult;

  'excel.preview': ImportPreview;
  'excel.import': CommitResult;
  'excel.refusedRows': FileOut;
  'excel.exportYear': FileOut;
  'excel.exportKind': FileOut;
  'excel.template': FileOut;

  'diagnostics.collect': Diagnostics;
  /** `PRAGMA integrity_check`'s lines: exactly ['ok'] for a sound file. */
  'diagnostics.integrity': { integrity: string[] };
}

export type ApiMethodName = keyof ApiOutputs & keyof ApiInputs;
/** What a caller sends (before the schema's defaults). */
export type ApiInput<K extends ApiMethodName> = z.input<ApiInputs[K]>;
/** What a method resolves to. */
export type ApiOutput<K extends ApiMethodName> = ApiOutputs[K];
