/**
 * Every API-table method is bound to `api:<name>` (read from the table, not a list), the
 * preload's name list equals the table, and only our own top frame gets through the wrapper.
 */
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

vi.mock('electron', () => import('./support/electron-stub'));

import { ipcMain, resetStub } from './support/electron-stub';
import { apiTable, openContext, type LedgerContext } from '@core/api';
import { method } from '@core/api/define';
import { RENDERER_METHOD_NAMES } from '@rules/api/methods';
import { rendererMethodNames } from '@core/api/gate';
import { PathGrants } from '@core/api/grants';
import { Dispatcher } from '@core/api/dispatch';
import { EXPOSED_METHOD_NAMES, MAIN_METHOD_NAMES } from '../../electron/preload/contract';
import { bindMainMethods } from '../../electron/main/dialogs';
import { bindApiTable, FORBIDDEN } from '../../electron/main/ipc';
import { createTrust } from '../../electron/main/origin';
import { removeTempDirs, tempDir } from './support/temp';

const trust = createTrust();
let ctx: LedgerContext;

beforeAll(() => {
  ctx = openContext(path.join(tempDir(), 'ledger.db'));
});
afterAll(() => {
  ctx.close();
  removeTempDirs();
});
beforeEach(() => resetStub());

/** An IPC event as Electron builds it: the frame that sent the message. */
const from = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });
const invoke = (channel: string, event: unknown, payload: unknown) => {
  const h = ipcMain.handlers.get(channel);
  if (!h) throw new Error(`no handler for ${channel}`);
  return h(event, payload) as Promise<any>;
};
const bindAll = () => {
  const grants = new PathGrants();
  const dispatch = new Dispatcher(() => ctx);
  bindApiTable(ipcMain, trust, { dispatch, grants });
  bindMainMethods(ipcMain, trust, { getCtx: () => ctx, dispatch, grants, getWindow: () => null, defaultDir: tempDir() });
};

describe('binding', () => {
  it('binds every renderer method of the API table, and the main-only methods, under api:<name>', () => {
    bindAll();
    const expected = [...rendererMethodNames(), ...MAIN_METHOD_NAMES].map((n) => `api:${n}`);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(expected.sort());
  });

  it("methods.ts (the preload's list) names exactly the API table's methods not declared cliOnly", () => {
    expect([...RENDERER_METHOD_NAMES].sort()).toEqual(rendererMethodNames().sort());
    expect(new Set(RENDERER_METHOD_NAMES).size).toBe(RENDERER_METHOD_NAMES.length);
    expect([...EXPOSED_METHOD_NAMES].sort()).toEqual([...rendererMethodNames(), ...MAIN_METHOD_NAMES].sort());
  });

  it('binds a method added to the table later, with no list to update', async () => {
    const table = apiTable as Record<string, unknown>;
    table['test.echo'] = method(z.object({ say: z.string() }), (_c, i) => `回声：${i.say}`);
    try {
      expect(bindApiTable(ipcMain, trust, { dispatch: new Dispatcher(() => ctx), grants: new PathGrants() })).toContain('test.echo');
      expect(await invoke('api:test.echo', from('app://fazhi/index.html'), { say: '好' })).toEqual({ ok: true, value: '回声：好' });
    } finally {
      delete table['test.echo'];
    }
  });
});

describe('the wrapper', () => {
  beforeEach(bindAll);

  it('runs a call from our page and returns the Result', async () => {
    const r = await invoke('api:kinds.list', from('app://fazhi/index.html#/'), {});
    expect(r.ok).toBe(true);
    expect(Array.isArray(r.value)).toBe(true);
  });

  it('validates through the core (zod) and answers a Chinese error with issues', async () => {
    const r = await invoke('api:records.list', from('app://fazhi/index.html'), { kind: 'nope', year: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请求参数不正确' } });
    expect(r.error.issues.length).toBeGreaterThan(0);
  });

  it.each([
    ['another site', from('https://evil.example/')],
    ['another app:// host', from('app://evil/index.html')],
    ['a file:// page', from('file:///C:/Users/clerk/Downloads/x.html')],
    ['the dev server in production', from('http://localhost:5173/')],
    ['an iframe inside our page', from('app://fazhi/index.html', { url: 'app://fazhi/index.html' })],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses a sender from %s and never runs the method', async (_label, event) => {
    // A valid purge/import would change the ledger; FORBIDDEN means the core was never reached.
    for (const channel of ['api:trash.purge', 'api:file.importLedger', 'api:file.exportLedger']) {
      expect(await invoke(channel, event, { id: 'x', text: '{}' })).toEqual(FORBIDDEN);
    }
    expect(FORBIDDEN).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('[security] refused'));
  });

  it('turns an unexpected throw into an error Result instead of a rejected invoke', async () => {
    resetStub();
    bindApiTable(ipcMain, trust, {
      dispatch: new Dispatcher(() => {
        throw new Error('台账尚未打开');
      }),
      grants: new PathGrants(),
    });
    expect(await invoke('api:kinds.list', from('app://fazhi/index.html'), {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '内部错误：台账尚未打开', issues: [] },
    });
  });
});
