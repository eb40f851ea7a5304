/**
 * A stand-in for the `electron` module (the binary cannot be downloaded on these machines):
 * just enough of app, BrowserWindow, ipcMain, protocol, session, dialog, Menu, screen, shell,
 * contextBridge and ipcRenderer for the shell's modules, recording what they were asked to do.
 * Tests install it with `vi.mock('electron', () => import('./support/electron-stub'))`.
 */
import { vi } from 'vitest';

type Listener = (...args: any[]) => unknown;

export class FakeEmitter {
  listeners = new Map<string, Listener[]>();
  on(name: string, fn: Listener) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
    return this;
  }
  once(name: string, fn: Listener) {
    return this.on(name, fn);
  }
  emit(name: string, ...args: unknown[]) {
    for (const fn of this.listeners.get(name) ?? []) fn(...args);
  }
  has(name: string) {
    return (this.listeners.get(name)?.length ?? 0) > 0;
  }
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  executeJavaScript = vi.fn(async (_code: string) => undefined as unknown);
  /** What Electron answers for the printers the OS has (PrinterInfo: name, displayName, description, options). */
  printers: { name: string; displayName: string; description: string; options: Record<string, string> }[] = [];
  getPrintersAsync = vi.fn(async () => this.printers);
  printToPDF = vi.fn(async (_opts: unknown) => Buffer.from('%PDF-1.7 stub'));
  isCrashed() {
    return false;
  }
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = fn;
  }
}

export class BrowserWindow extends FakeEmitter {
  static instances: BrowserWindow[] = [];
  webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  maximized = false;
  constructor(readonly options: Record<string, any>) {
    super();
    BrowserWindow.instances.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  isMinimized() {
    return false;
  }
  destroyed = false;
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
  restore() {}
  focus() {}
  show() {}
  getNormalBounds() {
    const { x = 10, y = 20, width, height } = this.options;
    return { x, y, width, height };
  }
}

const paths = new Map<string, string>();
class FakeApp extends FakeEmitter {
  isPackaged = false;
  singleInstance = true;
  enableSandbox = vi.fn();
  setAppUserModelId = vi.fn();
  quit = vi.fn();
  exit = vi.fn();
  getVersion = () => '0.1.0';
  getPath = (name: string) => {
    const p = paths.get(name);
    if (!p) throw new Error(`stub app.getPath(${name}) not set`);
    return p;
  };
  setPath = (name: string, value: string) => void paths.set(name, value);
  /** The checkout's root when unpackaged (where `npm start` puts Electron's SQLite addon). */
  appPath = '/opt/fazhi';
  getAppPath = () => this.appPath;
  requestSingleInstanceLock = () => this.singleInstance;
  whenReady = vi.fn(() => Promise.resolve());
}
export const app = new FakeApp();

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle(channel: string, fn: Listener) {
    // Electron throws on a second handler for one channel; so does the stub.
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, fn);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
};

export const protocol = {
  schemes: [] as unknown[],
  handlers: new Map<string, (req: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => void protocol.schemes.push(...schemes)),
  handle: vi.fn((scheme: string, fn: (req: Request) => Promise<Response>) => void protocol.handlers.set(scheme, fn)),
};

export class FakeSession {
  permissionRequest: Listener | null = null;
  permissionCheck: Listener | null = null;
  devicePermission: Listener | null = null;
  beforeRequest: { filter: { urls: string[] }; fn: Listener } | null = null;
  setPermissionRequestHandler(fn: Listener) {
    this.permissionRequest = fn;
  }
  setPermissionCheckHandler(fn: Listener) {
    this.permissionCheck = fn;
  }
  setDevicePermissionHandler(fn: Listener) {
    this.devicePermission = fn;
  }
  webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, fn: Listener) => {
      this.beforeRequest = { filter, fn };
    },
  };
}
export const session = { defaultSession: new FakeSession() };

export const dialog = {
  showSaveDialog: vi.fn(async (..._a: unknown[]) => ({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn(async (..._a: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showMessageBox: vi.fn(async (..._a: unknown[]) => ({ response: 1, checkboxChecked: false })),
  showErrorBox: vi.fn(),
};

export const Menu = {
  current: null as null | { template: any[] },
  buildFromTemplate: (template: any[]) => ({ template }),
  setApplicationMenu: (menu: { template: any[] }) => void (Menu.current = menu),
};

export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] };
export const shell = { openPath: vi.fn(async () => ''), openExternal: vi.fn() };

export const contextBridge = {
  exposed: new Map<string, any>(),
  exposeInMainWorld: (key: string, api: unknown) => void contextBridge.exposed.set(key, api),
};
class FakeIpcRenderer extends FakeEmitter {
  invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } }));
  removeListener(name: string, fn: Listener) {
    this.listeners.set(
      name,
      (this.listeners.get(name) ?? []).filter((l) => l !== fn),
    );
    return this;
  }
}
export const ipcRenderer = new FakeIpcRenderer();

/** Back to a fresh state between tests. */
export function resetStub(userData?: string): void {
  BrowserWindow.instances = [];
  ipcMain.handlers.clear();
  protocol.schemes = [];
  protocol.handlers.clear();
  session.defaultSession = new FakeSession();
  Menu.current = null;
  contextBridge.exposed.clear();
  app.listeners.clear();
  app.isPackaged = false;
  app.appPath = '/opt/fazhi';
  app.singleInstance = true;
  paths.clear();
  if (userData) {
    paths.set('userData', userData);
    paths.set('documents', userData);
  }
  vi.clearAllMocks();
  // The shell logs every refusal; keep test output quiet (tests may still assert on the spy).
  vi.spyOn(console, 'warn').mockImplementation(() => {});
}

export default { app, BrowserWindow, ipcMain, protocol, session, dialog, Menu, screen, shell, contextBridge, ipcRenderer };
