/** The API table: every method of the core, by name. Later issues add their groups here. */
import { ledgerApi } from './table';
import { backupApi } from './backup-api';
import { attachmentsApi } from './attachments-api';
import { reportApi } from './report-api';
import { registerApi } from './register-api';
import { dossierApi } from './dossier-api';
import { excelApi } from './excel-api';
import { diagnosticsApi } from './diagnostics-api';
import { invokeMethod, joinGroups, type ApiResult } from './define';
import type { LedgerContext } from '../context';

export const apiTable = joinGroups(ledgerApi, reportApi, backupApi, attachmentsApi, registerApi, dossierApi, excelApi, diagnosticsApi);

export type ApiTable = typeof apiTable;
export type ApiMethodName = keyof ApiTable;
/** What a method resolves to, for typed clients (preload, renderer, harness). */
export type ApiOutput<K extends ApiMethodName> = Awaited<ReturnType<ApiTable[K]['handler']>>;
export type ApiInput<K extends ApiMethodName> = import('zod').input<ApiTable[K]['input']>;

export const API_METHODS = Object.keys(apiTable) as ApiMethodName[];
/** The renderer's surface: every method not declared cliOnly (./gate.ts enforces it at run time). */
export type RendererMethodName = {
  [K in ApiMethodName]: ApiTable[K]['options'] extends { cliOnly: true } ? never : K;
}[ApiMethodName];

export function callApi(ctx: LedgerContext, name: string, payload: unknown): Promise<ApiResult> {
  return invokeMethod(apiTable as unknown as Parameters<typeof invokeMethod>[0], ctx, name, payload);
}

export { openContext } from './open-context';
export { attachmentsDirFor, APP_VERSION, type LedgerContext } from '../context';
