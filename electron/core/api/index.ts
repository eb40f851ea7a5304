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
import type { ApiInput, ApiMethodName, ApiOutput, ApiOutputs } from '@rules/api';
import type { ApiInputs } from '@rules/api/inputs';
import type { RendererMethodName } from '@rules/api/methods';

export const apiTable = joinGroups(ledgerApi, reportApi, backupApi, attachmentsApi, registerApi, dossierApi, excelApi, diagnosticsApi);

export type ApiTable = typeof apiTable;
export type { ApiInput, ApiMethodName, ApiOutput };

// Compile-time guard: the table has exactly the methods of the Node-free API types (@rules/api),
// each with that module's input schema and a handler whose result is that module's output type.
// A mismatch names the method in the compiler's error.
type Mismatched = {
  [K in ApiMethodName]: ApiTable[K]['input'] extends ApiInputs[K]
    ? Awaited<ReturnType<ApiTable[K]['handler']>> extends ApiOutputs[K]
      ? never
      : K
    : K;
}[ApiMethodName];
export const TABLE_MATCHES_API_TYPES: [Mismatched] extends [never] ? true : Mismatched = true;
export const TABLE_HAS_API_NAMES: keyof ApiTable extends ApiMethodName ? (ApiMethodName extends keyof ApiTable ? true : never) : never =
  true;

export const API_METHODS = Object.keys(apiTable) as ApiMethodName[];
/** The renderer's surface: every method not declared cliOnly (./gate.ts enforces it at run time). */
type TableRendererMethodName = {
  [K in ApiMethodName]: ApiTable[K]['options'] extends { cliOnly: true } ? never : K;
}[ApiMethodName];
// Compile-time guard: @rules/api/methods (the preload's list) names exactly the table's methods not declared cliOnly.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export const NAMES_MATCH_TABLE: Equal<RendererMethodName, TableRendererMethodName> = true;

export function callApi(ctx: LedgerContext, name: string, payload: unknown): Promise<ApiResult> {
  return invokeMethod(apiTable as unknown as Parameters<typeof invokeMethod>[0], ctx, name, payload);
}

export { openContext } from './open-context';
export { attachmentsDirFor, APP_VERSION, type LedgerContext } from '../context';
