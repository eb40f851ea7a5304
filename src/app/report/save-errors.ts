/**
 * Turns the core's refusal of a report spec (issues with paths like sections.0.children.2.heading)
 * into words the clerk can act on: “一、（三）标题：不能超过200个字”, and per-field messages for
 * the 发文设置 form.
 */
import { chineseNumber } from '@rules/report/title';
import type { ApiErrorLike } from '../lib/api';

const SETTING_LABEL: Record<string, string> = {
  docCode: '发文代字',
  docYear: '发文字号年份',
  docSeq: '发文字号序号',
  issuers: '发文机关',
  titleLines: '标题',
  recipients: '主送机关',
  signers: '签发人',
  signDate: '成文日期',
  disclosure: '公开属性',
  headerMode: '版头',
  signatureLayout: '落款',
  closing: '结束语',
  cc: '抄送机关',
  imprint: '版记',
  issuer: '印发机关',
  issueDate: '印发日期',
};

/** Where a spec path points, in words. */
export function placeOf(path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'settings') return `发文设置·${SETTING_LABEL[parts[1]] ?? parts[1] ?? ''}`;
  if (parts[0] === 'opening') return `开头第${Number(parts[1]) + 1}段`;
  let where = '';
  let depth = 0;
  for (let i = 0; i < parts.length; i++) {
    const n = Number(parts[i + 1]);
    if (parts[i] === 'sections' || parts[i] === 'children') {
      where += depth === 0 ? `${chineseNumber(n + 1)}、` : depth === 1 ? `（${chineseNumber(n + 1)}）` : `${n + 1}.`;
      depth++;
      i++;
    } else if (parts[i] === 'paragraphs') {
      return `${where}第${n + 1}段`;
    } else if (parts[i] === 'heading') return `${where}标题`;
  }
  return where || '报告';
}

export function describeSaveError(err: ApiErrorLike): string[] {
  return err.issues.map((i) => (i.field ? `${placeOf(i.field)}：${i.message}` : i.message));
}

/** Messages for the 发文设置 form, keyed by its field (signers.2 → signers). */
export function settingsErrors(err: ApiErrorLike | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of err?.issues ?? []) {
    const [head, key] = (i.field ?? '').split('.');
    if (head === 'settings' && key && !(key in out)) out[key] = i.message;
  }
  return out;
}
