/**
 * The preload exposes exactly one function per method on `window.api`, each invoking only
 * `api:<name>` with the input; no generic invoke/send. The built preload is one CommonJS file
 * that requires nothing but `electron` (a sandboxed preload can load nothing else).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./support/electron-stub'));

import { contextBridge, ipcRenderer, resetStub } from './support/electron-stub';
import { rendererMethodNames } from '@core/api/gate';
import { MAIN_METHOD_NAMES } from '../../electron/preload/contract';
import { builtFile } from '../support/built';

let api: Record<string, (input: unknown) => Promise<unknown>>;

beforeAll(async () => {
  resetStub();
  await import('../../electron/preload/index');
  api = contextBridge.exposed.get('api');
});

describe('window.api', () => {
  it('is exposed with apiProgress, and nothing else', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['api', 'apiProgress']);
  });

  it('apiProgress hands the page the progress data only, and unsubscribes', () => {
    const bridge = contextBridge.exposed.get('apiProgress') as { subscribe(l: (p: unknown) => void): () => void };
    expect(Object.keys(bridge)).toEqual(['subscribe']);
    const seen: unknown[][] = [];
    const off = bridge.subscribe((...args) => seen.push(args));
    ipcRenderer.emit('api:progress', { sender: ipcRenderer }, { method: 'backup.create', label: '已开始' });
    off();
    ipcRenderer.emit('api:progress', { sender: ipcRenderer }, { method: 'backup.create', label: '已结束' });
    expect(seen).toEqual([[{ method: 'backup.create', label: '已开始' }]]);
  });

  it('has one function per renderer method of the API table plus the main-only methods, and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...rendererMethodNames(), ...MAIN_METHOD_NAMES].sort());
    for (const fn of Object.values(api)) expect(typeof fn).toBe('function');
    for (const generic of ['invoke', 'send', 'on', 'sendSync', 'ipcRenderer', 'require']) expect(api).not.toHaveProperty(generic);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('each function invokes its own channel with the input only', async () => {
    for (const name of Object.keys(api)) {
      ipcRenderer.invoke.mockClear();
      const input = { probe: name };
      await api[name](input);
      expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(`api:${name}`, input);
    }
  });
});

describe('built preload (out/preload/index.js)', () => {
  let built: string;
  let code: string;
  beforeAll(() => {
    built = builtFile('out/preload/index.js');
    code = fs.readFileSync(built, 'utf8');
  });

  it('is CommonJS: no import/export statements', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('requires only electron (no chunks, no core, no Node modules)', () => {
    const required = [...code.matchAll(/require\((["'])([^"']+)\1\)/g)].map((m) => m[2]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(fs.readdirSync(path.dirname(built))).toEqual(['index.js']);
    expect(code).not.toMatch(/better-sqlite3|zod/);
  });
});
