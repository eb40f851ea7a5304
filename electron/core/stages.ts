/**
 * How far a long job got, as the core's jobs tell it (a backup, a JSON import): checking, then
 * writing a share. api/ turns it into the screen's Progress (@rules/api/protocol) with `stagesTo`.
 */
import type { LedgerContext } from './context';

type StageProgress = { stage: 'check' } | { stage: 'write'; done: number; total: number };
export type StageReport = (p: StageProgress) => void;

/** Adds up what was written and reports the share once per whole percent (~100 messages, not one per chunk). */
export function perPercent(total: number, report: StageReport): (add: number) => void {
  let done = 0;
  let shown = -1;
  return (add) => {
    done += add;
    const pct = total ? Math.floor((100 * done) / total) : 100;
    if (pct === shown) return;
    shown = pct;
    report({ stage: 'write', done: Math.min(done, total), total });
  };
}

/** A job's stages as the corner note shows them (正在备份：校验中… / 正在备份（37%）…); none when nobody listens. */
export function stagesTo(ctx: LedgerContext, method: string): StageReport | undefined {
  const send = ctx.progress;
  if (!send) return undefined;
  return (p) => send({ method, ...(p.stage === 'write' ? { label: '写入中', done: p.done, total: p.total } : { label: '校验中' }) });
}
