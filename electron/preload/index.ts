/**
 * Sandboxed preload: exposes `window.api`, one function per method name, each invoking the
 * channel `api:<name>` with the input only. No generic invoke/send and no ipcRenderer reach the
 * page, so a compromised renderer can call exactly the methods main validates, nothing more.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelFor, PROGRESS_CHANNEL } from '@rules/api/methods';
import { EXPOSED_METHOD_NAMES, type ProgressBridge, type WindowApi } from './contract';

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

// Progress of long jobs: the page gets each event's data only (never the IpcRendererEvent, whose
// `sender` is ipcRenderer itself), and an unsubscribe function.
const progress: ProgressBridge = Object.freeze({
  subscribe(listener: Parameters<ProgressBridge['subscribe']>[0]) {
    const l = (_event: unknown, p: unknown) => listener(p as never);
    ipcRenderer.on(PROGRESS_CHANNEL, l);
    return () => void ipcRenderer.removeListener(PROGRESS_CHANNEL, l);
  },
});
contextBridge.exposeInMainWorld('apiProgress', progress);
