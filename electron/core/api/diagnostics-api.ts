/**
 * 关于与诊断: versions, the ledger's health, disk, backup, drives and printers in one answer
 * (../diagnostics/collect.ts). Inline, never in the worker: the shell's facts (printers, the log
 * file) come through `ctx.host`, whose functions stay on this thread.
 */
import { z } from 'zod';
import { method } from './define';
import { CLI_HOST, collectDiagnostics } from '../diagnostics/collect';

export const diagnosticsApi = {
  'diagnostics.collect': method(z.object({}), (ctx) => collectDiagnostics(ctx, ctx.host ?? CLI_HOST)),
};
