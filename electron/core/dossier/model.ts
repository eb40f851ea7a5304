/**
 * What goes into a year's 档案袋, decided before a byte is written: every live record of the
 * year by kind and date, its evidence files checked against their SHA-256 (a file changed or
 * lost on disk is flagged and left out, never packed as if it were the evidence), what each record
 * still lacks, and the Windows-safe path of everything inside the zip.
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../db/open';
import { KINDS, allEvidenceItems, missingEvidence, type KindDef } from '@rules/kinds';
import { attachmentFile } from '../ledger/attachments';
import type { LedgerRecord } from '../ledger/records';
import { registerRecords } from '../register/model';
import { HashSink } from '../backup/hash-stream';
import { NameAllocator } from './names';
import { NotRegularFile, regularFileStream } from '../fs/regular-file';

interface EvidenceFile {
  attachmentId: string;
  name: string;
  /** The checklist item it proves, when the clerk tagged it (attachments.item, migration 2). */
  item?: string;
  sha256: string;
  size: number;
  /** Where the store keeps it. */
  source: string;
  /** Its path in the zip; null when it is left out because of `problem`. */
  zipPath: string | null;
  /** Why it is left out: the stored file is missing or no longer matches its hash. */
  problem?: string;
}

interface DossierRecord {
  record: LedgerRecord;
  title: string;
  files: EvidenceFile[];
  /** Checklist items (expectedEvidence: evidence + evidenceIf) no intact file is tagged with; ['无附件'] for a kind without a checklist and no file. */
  missing: string[];
}

interface DossierKind {
  kind: KindDef;
  folder: string;
  records: DossierRecord[];
}

export interface DossierPlan {
  year: number;
  kinds: DossierKind[];
  names: NameAllocator;
}

interface AttachmentRow {
  id: string;
  record_id: string;
  name: string;
  sha256: string;
  size: number;
  item?: string | null;
}

const NOT_REGULAR = '附件库中的文件不是普通文件（被替换成了管道、链接或文件夹），未打包';

/** Reads the stored file through SHA-256 (streamed); null when it matches. */
async function storedFileProblem(file: string, sha: string, size: number): Promise<string | null> {
  let st: fs.Stats;
  try {
    st = await fs.promises.lstat(file);
  } catch {
    return '附件文件缺失';
  }
  if (!st.isFile()) return NOT_REGULAR;
  if (st.size !== size) return '附件文件已被改动或损坏（大小不符）';
  const h = new HashSink();
  let src: fs.ReadStream;
  try {
    src = regularFileStream(file);
  } catch (err) {
    if (err instanceof NotRegularFile) return NOT_REGULAR;
    return '附件文件缺失';
  }
  await pipeline(src, h);
  return h.digest === sha ? null : '附件文件已被改动或损坏（校验值不符）';
}

const NO_EVIDENCE = '无附件';

export async function planDossier(db: Db, attachmentsDir: string, year: number): Promise<DossierPlan> {
  const names = new NameAllocator();
  const rows = db
    .prepare(
      'SELECT a.* FROM attachments a JOIN records r ON r.id = a.record_id WHERE r.year = ? AND r.deleted_at IS NULL ORDER BY a.created_at, a.id',
    )
    .all(year) as AttachmentRow[];
  const byRecord = new Map<string, AttachmentRow[]>();
  for (const a of rows) byRecord.set(a.record_id, [...(byRecord.get(a.record_id) ?? []), a]);

  const kinds: DossierKind[] = [];
  for (const kind of KINDS) {
    const records = registerRecords(db, { kind: kind.id, year });
    if (!records.length) continue;
    const folder = names.allocate('', `${String(kinds.length + 1).padStart(2, '0')}_${kind.label}`);
    const out: DossierRecord[] = [];
    for (const record of records) {
      const title = String(record.data[kind.titleField] ?? '');
      const atts = byRecord.get(record.id) ?? [];
      const sub = atts.length ? names.allocate(folder, `${record.date}_${title}`, record.date) : '';
      const files: EvidenceFile[] = [];
      for (const a of atts) {
        const source = attachmentFile(attachmentsDir, a.sha256);
        const problem = await storedFileProblem(source, a.sha256, a.size);
        const item = a.item ?? undefined;
        // A tagged file reads as what it proves (签到表.jpg), unless its name already says so.
        const shown = item && !a.name.startsWith(item) ? `${item}_${a.name}` : a.name;
        files.push({
          attachmentId: a.id,
          name: a.name,
          item,
          sha256: a.sha256,
          size: a.size,
          source,
          zipPath: problem ? null : names.allocate(sub, shown, '附件'),
          ...(problem ? { problem } : {}),
        });
      }
      const proven = new Set(files.filter((f) => !f.problem && f.item).map((f) => f.item));
      // The same checklist as the form and the 首页 (evidenceIf included), over intact files only.
      const missing = allEvidenceItems(kind).length
        ? missingEvidence(kind, record.data, proven)
        : files.some((f) => !f.problem)
          ? []
          : [NO_EVIDENCE];
      out.push({ record, title, files, missing });
    }
    kinds.push({ kind, folder, records: out });
  }
  return { year, kinds, names };
}
