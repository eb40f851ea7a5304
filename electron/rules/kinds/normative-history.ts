/**
 * The 更正 / 退回 history of a 行政规范性文件: one line per event in the managed `history` field,
 * so it travels in exports and backups as plain text and needs no schema change. A line reads
 *   2024-01-05｜更正｜合法性审核｜合法性审核日期：2023-03-01 → 2023-03-05｜原因：日期录错
 * The core appends lines (ledger/normative-doc.ts); the record form shows them parsed.
 */
const SEP = '｜';

interface HistoryEntry {
  date: string;
  action: '更正' | '退回';
  /** The step corrected, or for 退回 “公布 → 集体审议”. */
  step: string;
  /** What changed (更正) or what was taken back (退回), already worded. */
  changes: string;
  reason: string;
}

const clean = (s: string) => s.replace(/[\r\n｜]+/g, ' ').trim();

function historyLine(e: HistoryEntry): string {
  return [e.date, e.action, e.step, clean(e.changes) || '（无）', `原因：${clean(e.reason)}`].join(SEP);
}

export function appendHistory(old: unknown, e: HistoryEntry): string {
  const prev = typeof old === 'string' && old.trim() ? `${old.trim()}\n` : '';
  return prev + historyLine(e);
}

/** The stored history, oldest first; a line not in the format is kept whole as its changes. */
export function parseHistory(text: unknown): HistoryEntry[] {
  if (typeof text !== 'string') return [];
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const [date = '', action = '', step = '', changes = '', reason = ''] = l.split(SEP);
      return action === '更正' || action === '退回'
        ? { date, action, step, changes, reason: reason.replace(/^原因：/, '') }
        : { date: '', action: '更正', step: '', changes: l, reason: '' };
    });
}
