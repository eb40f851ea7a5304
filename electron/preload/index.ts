/**
 * Sandboxed preload: exposes `window.api`, one function per method name, each invoking the
 * channel `api:<name>` with the input only. No generic invoke/send and no ipcRenderer reach the
 * page, so a compromised renderer can call exactly the methods main validates, nothing more.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { EXPOSED_METHOD_NAMES, channelFor, type WindowApi } from './contract';

type Invoker = (input: unknown) => ReturnType<typeof ipcRenderer.invoke>;

function bind<N extends string>(names: readonly N[]): Readonly<Record<N, Invoker>> {
  const api = {} as Record<N, Invoker>;
  for (const name of names) {
    const channel = channelFor(name);
    // Results come back as { ok, value | error } objects rather than rejections: an Error
    // thrown across contextBridge loses its code and issues.
    api[name] = (input) => ipcRenderer.invoke(channel, input);
  }
  return Object.freeze(api);
}

// `satisfies` makes a method added to the core table without a preload binding a type error.
const api = bind(EXPOSED_METHOD_NAMES) satisfies WindowApi;

contextBridge.exposeInMainWorld('api', api);
