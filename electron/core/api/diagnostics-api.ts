/**
 * 关于与诊断 (../diagnostics/collect.ts): `diagnostics.collect` answers versions, the ledger's path,
 * size and schema version, disk, backup, drives and printers — inline, because the shell's facts
 * come through `ctx.host`, whose functions stay on this thread; `diagnostics.integrity` runs
 * SQLite's integrity check, which reads the whole file, in the worker with its own connection.
 */
import { z } from 'zod';
import { method } from './define';
import { CLI_HOST, collectDiagnostics, integrityCheck } from '../diagnostics/collect';

export const diagnosticsApi = {
  'diagnostics.collect': method(z.object({}), (ctx) => collectDiagnostics(ctx, ctx.host ?? CLI_HOST)),
  'diagnostics.integrity': method(z.object({}), (ctx) => ({ integrity: integrityCheck(ctx.db) }), { worker: true }),
};
