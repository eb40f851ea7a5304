/**
 * Refusals the clerk reads are Chinese and name what is wrong, never an English internal: a JSON
 * import with an absurdly long 规范性文件 number (it used to end in “内部错误：cannot store REAL
 * value in INTEGER column …”), and a workbook over the size cap (it used to say “dataBase64：…
 * 期望 string <=41943044 字符”).
 */
import { describe, expect, it } from 'vitest';
import { callApi } from '@core/api';
import { exportLedger } from '@core/ledger/exchange';
import { addAllSamples, ledgerPerTest } from '../support/ledger';
import { noEnglishInternals } from '../support/chinese';

const newLedger = ledgerPerTest();

describe('messages the clerk reads', () => {
  it('a JSON import with a 20-digit 规范性文件 number ends in Chinese (or imports), never an internal error', async () => {
    const L = newLedger();
    addAllSamples(L.ctx);
    const file = JSON.parse(exportLedger(L.ctx.db)) as { records: { kind: string; data: Record<string, unknown> }[] };
    const doc = file.records.find((r) => r.kind === 'normativeDoc' && typeof r.data.number === 'string')!;
    doc.data.number = String(doc.data.number).replace(/〔(\d{4})〕\d+号/, '〔$1〕99999999999999999999号');
    const r = await callApi(L.ctx, 'exchange.import', { text: JSON.stringify(file) });
    if (!r.ok) {
      expect(r.error.code).not.toBe('INTERNAL');
      noEnglishInternals(`${r.error.message} ${r.error.issues.map((i) => i.message).join(' ')}`);
    }
  });

  it('a workbook over the size cap is refused naming the file content, in Chinese', async () => {
    const L = newLedger();
    const r = await callApi(L.ctx, 'excel.preview', { dataBase64: 'A'.repeat(44 * 1024 * 1024) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const text = r.error.issues.map((i) => `${i.fieldLabel ?? i.field}：${i.message}`).join(' ');
      expect(text).toContain('文件内容：工作簿不能超过30 MB');
      noEnglishInternals(text);
    }
  });
});
