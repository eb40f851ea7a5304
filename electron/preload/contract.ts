/**
 * The IPC contract between renderer and main: the core API methods the screens use plus the few main-only
 * methods (native dialogs), one channel `api:<name>` each, each answering a Result object.
 * Types come from the Node-free API types (@rules/api), which the core's table is checked against;
 * the only runtime imports are plain name lists, so the sandboxed preload bundles none of the core.
 */
import { RENDERER_METHOD_NAMES, type RendererMethodName } from '@rules/api/methods';
import type { ApiInput, ApiOutput } from '@rules/api';
import type { Progress } from '@rules/api/protocol';
import type { ErrorCode, Issue } from '@rules/errors';
import { MAIN_METHOD_NAMES, type HostMethods, type MainMethodName } from '@rules/host-contract';

export { MAIN_METHOD_NAMES, type MainMethodName };

type Canceled = { canceled: true };
export interface MainMethods extends HostMethods {
  /** Save dialog → the exchange file written atomically where the clerk chose. */
  'file.exportLedger': { input: Record<string, never>; output: Canceled | { canceled: false; file: string } };
  /** Open dialog → confirm → exchange.import; replaces the whole ledger. */
  'file.importLedger': { input: Record<string, never>; output: Canceled | { canceled: false; file: string; records: number } };
}

/** Everything window.api exposes, in the order the preload binds it. */
export const EXPOSED_METHOD_NAMES = [...RENDERER_METHOD_NAMES, ...MAIN_METHOD_NAMES] as const;
export type AppMethodName = RendererMethodName | MainMethodName;

export type AppInput<K extends AppMethodName> = K extends RendererMethodName
  ? ApiInput<K>
  : K extends MainMethodName
    ? MainMethods[K]['input']
    : never;
export type AppOutput<K extends AppMethodName> = K extends RendererMethodName
  ? ApiOutput<K>
  : K extends MainMethodName
    ? MainMethods[K]['output']
    : never;

/**
 * Shell-level codes on top of the core's: FORBIDDEN (request from a page that is not ours),
 * UNAVAILABLE (main-only method in the browser harness), NETWORK (harness unreachable).
 */
export type ShellErrorCode = ErrorCode | 'FORBIDDEN' | 'UNAVAILABLE' | 'NETWORK';
export interface ShellError {
  code: ShellErrorCode;
  message: string;
  issues: Issue[];
}
export type Result<T = unknown> = { ok: true; value: T } | { ok: false; error: ShellError };

/** The shape of `window.api`: one function per method, resolving to a Result (never rejecting on a domain error). */
export type WindowApi = { readonly [K in AppMethodName]: (input: AppInput<K>) => Promise<Result<AppOutput<K>>> };

/** `window.apiProgress`: the page subscribes to PROGRESS_CHANNEL; nothing else of ipcRenderer reaches it. */
export interface ProgressBridge {
  subscribe(listener: (p: Progress) => void): () => void;
}

// Compile-time guard: the main-only names and their types agree.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export const MAIN_NAMES_MATCH: Equal<MainMethodName, keyof MainMethods> = true;
