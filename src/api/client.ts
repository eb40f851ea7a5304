/**
 * The renderer's only way to the core: `call(name, input)` resolves to the method's output or
 * throws ApiError. Inside Electron it goes through `window.api` (the preload); in a plain
 * browser it POSTs to the loopback harness, whose token the harness put in a <meta>.
 */
import type { AppInput, AppMethodName, AppOutput, Result, WindowApi } from '../../electron/preload/contract';
import { MAIN_METHOD_NAMES, type MainMethodName } from '@rules/host-contract';
import { ApiError } from './errors';

declare global {
  interface Window {
    /** Present only inside Electron (exposed by the preload). */
    readonly api?: WindowApi;
  }
}

type Transport = (name: AppMethodName, input: unknown) => Promise<Result>;

// The host.* methods are main-only here too: in the browser src/api/host.ts reaches them over /host/.
const MAIN_ONLY: ReadonlySet<string> = new Set(MAIN_METHOD_NAMES);
const isMainOnly = (name: string): name is MainMethodName => MAIN_ONLY.has(name);

const failure = (code: 'UNAVAILABLE' | 'NETWORK', message: string): Result => ({ ok: false, error: { code, message, issues: [] } });

export function electronTransport(api: WindowApi): Transport {
  return (name, input) => (api[name] as (i: unknown) => Promise<Result>)(input);
}

/** The harness transport; `baseUrl` is '' in the page itself and absolute in Node tests. */
export function httpTransport(opts: { token: string; baseUrl?: string; fetch?: typeof fetch }): Transport {
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  return async (name, input) => {
    if (isMainOnly(name)) return failure('UNAVAILABLE', '此功能仅在桌面程序中可用（浏览器调试环境不支持）');
    try {
      const res = await doFetch(`${opts.baseUrl ?? ''}/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-harness-token': opts.token },
        body: JSON.stringify(input ?? {}),
      });
      return (await res.json()) as Result;
    } catch {
      return failure('NETWORK', '无法连接到本地调试服务，请确认 npm run web 仍在运行');
    }
  };
}

function detectTransport(): Transport {
  if (typeof window !== 'undefined' && window.api) return electronTransport(window.api);
  const token =
    typeof document !== 'undefined' ? document.querySelector<HTMLMetaElement>('meta[name="harness-token"]')?.content : undefined;
  return httpTransport({ token: token ?? '' });
}

interface Client {
  call<K extends AppMethodName>(name: K, input: AppInput<K>): Promise<AppOutput<K>>;
  /** False for the dialog methods when running in the browser harness, so the UI can hide them. */
  isAvailable(name: AppMethodName): boolean;
}

export function createClient(transport: Transport, desktop: boolean): Client {
  return {
    async call(name, input) {
      const result = await transport(name, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value as AppOutput<typeof name>;
    },
    isAvailable: (name) => desktop || !isMainOnly(name),
  };
}

let shared: Client | null = null;
const client = () => (shared ??= createClient(detectTransport(), typeof window !== 'undefined' && !!window.api));

/** Calls one method; resolves to its output or throws ApiError. */
export function call<K extends AppMethodName>(name: K, input: AppInput<K>): Promise<AppOutput<K>> {
  return client().call(name, input);
}

export const isAvailable = (name: AppMethodName): boolean => client().isAvailable(name);
export const isDesktop = (): boolean => typeof window !== 'undefined' && !!window.api;

export { ApiError } from './errors';
