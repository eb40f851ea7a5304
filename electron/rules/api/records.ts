/** What the API answers about records, their gaps and their attachments: plain data, no Node. */
import type { RecordData } from '../kinds/types';
import type { RecordFix } from '../record-fix';

export interface LedgerRecord {
  id: string;
  kind: string;
  date: string;
  year: number;
  data: RecordData;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

export interface ListPage {
  rows: LedgerRecord[];
  total: number;
  page: number;
  pageSize: number;
  /** How many files are attached, per record id of this page (records without any are absent). */
  attachments: Record<string, number>;
  /** Checklist items still unproved, per record id of this page (records missing nothing are absent). */
  missingEvidence: Record<string, string[]>;
}

export interface SearchGroup {
  kind: string;
  /** Every match of this kind in the year; `rows` holds the newest `perKind` of them. */
  total: number;
  rows: LedgerRecord[];
}

export interface LedgerGaps {
  /** How many months of the year are due by today. */
  due: number;
  /** Due months with no 党委会议 recorded. */
  missingPartyMeetingMonths: number[];
  /** 去登记: a new 党委会议, and the 会议 page showing those held (the same shape as a report problem's fix). */
  partyMeetingFix: RecordFix;
}

export interface EvidenceGap {
  id: string;
  kind: string;
  date: string;
  title: string;
  missing: string[];
}

export interface EvidenceGaps {
  /** Records of the year (回收站 left out) missing at least one expected item. */
  total: number;
  /** That count per kind id (kinds with none absent). */
  byKind: Record<string, number>;
  /** The first `limit` of them, oldest first (the longest waiting), then by kind order. */
  records: EvidenceGap[];
}

export interface Attachment {
  id: string;
  recordId: string;
  name: string;
  sha256: string;
  size: number;
  createdAt: string;
  /** The kind's checklist item this file proves (e.g. 签到表), or null while untagged. */
  item: string | null;
}
