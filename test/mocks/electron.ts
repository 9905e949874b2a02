/**
 * One shared mock of the 'electron' module (Fiddle's tests/mocks/electron.ts idea), installed for
 * the whole node project by test/setup/node.ts. The real package would try to download its binary
 * when required from plain Node. Everything records what the code under test did; call
 * `resetElectronMock()` in beforeEach to start clean.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** A preventable event like Electron's, for emitting navigation events in tests. */
export class MockEvent {
  defaultPrevented = false;
  readonly url: string;
  constructor(url = '') {
    this.url = url;
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export type WindowOpenHandler = (details: { url: string; frameName?: string; disposition?: string }) => { action: 'allow' | 'deny' };

let nextWebContentsId = 1;

export class MockWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler;
  });
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly openDevTools = vi.fn();
  readonly send = vi.fn();
  readonly isDestroyed = vi.fn(() => false);
  getURL(): string {
    return 'app://ombud/index.html';
  }
}

export class MockBrowserWindow extends EventEmitter {
  static instances: MockBrowserWindow[] = [];
  static getAllWindows = vi.fn(() => MockBrowserWindow.instances.slice());
  static fromWebContents = vi.fn((wc: unknown) => MockBrowserWindow.instances.find((w) => w.webContents === wc) ?? null);
  readonly options: Record<string, unknown>;
  readonly webContents = new MockWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly loadFile = vi.fn(async (_file: string) => undefined);
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly close = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  readonly isDestroyed = vi.fn(() => false);
  readonly setProgressBar = vi.fn((_progress: number) => undefined);
  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    MockBrowserWindow.instances.push(this);
  }
}

/** The backend entry the mock runs: its TypeScript source, since dist/ need not be built in a test run. */
export const BACKEND_ENTRY = fileURLToPath(new URL('../../electron/backend/entry.ts', import.meta.url));
const PARENT_PORT_SHIM = pathToFileURL(fileURLToPath(new URL('./utility-parent-port.mjs', import.meta.url))).href;

/**
 * A utilityProcess that really runs: a Node child process (through tsx) with Electron's
 * `process.parentPort` added by utility-parent-port.mjs, and the same events and methods as
 * Electron's UtilityProcess ('spawn', 'message', 'exit'; postMessage, kill). Whatever path main.ts
 * asks for, it runs the backend entry from source (`modulePath` is recorded for the assertion).
 */
export class MockUtilityProcess extends EventEmitter {
  static instances: MockUtilityProcess[] = [];
  readonly child: ChildProcess;
  exited = false;
  /** What the backend wrote to stdout and stderr. */
  output = '';
  constructor(readonly modulePath: string, readonly args: readonly string[] = [], readonly options: Record<string, unknown> = {}) {
    super();
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    this.child = fork(BACKEND_ENTRY, [...args], {
      execArgv: ['--import', tsx, '--import', PARENT_PORT_SHIM],
      serialization: 'advanced',
      // Kept, not printed: the backend logs refused requests, which tests provoke on purpose. A
      // crash prints it (below), so a failing test still shows why.
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child.stdout?.on('data', (d: Buffer) => (this.output += d.toString('utf8')));
    this.child.stderr?.on('data', (d: Buffer) => (this.output += d.toString('utf8')));
    this.child.once('spawn', () => this.emit('spawn'));
    this.child.on('message', (message) => this.emit('message', message));
    this.child.once('exit', (code, signal) => {
      this.exited = true;
      if (code !== 0 && signal !== 'SIGTERM') process.stderr.write(`Backend-processen (mock-utilityProcess) sluttede med ${code ?? signal}:\n${this.output}\n`);
      this.emit('exit', code ?? 1);
    });
    MockUtilityProcess.instances.push(this);
  }
  get pid(): number | undefined {
    return this.child.pid;
  }
  postMessage(message: unknown): void {
    if (this.child.connected) this.child.send(message as never);
  }
  kill(): boolean {
    return this.child.kill();
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

/** ipcMain with handle/removeHandler recorded; like Electron, a second handler for a channel throws. */
class MockIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  readonly handle = vi.fn((channel: string, handler: InvokeHandler) => {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  });
  readonly handleOnce = vi.fn((channel: string, handler: InvokeHandler) => this.handle(channel, handler));
  readonly removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });
  /** Test helper: call a registered handler the way Electron would. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

class MockIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined);
  readonly send = vi.fn();
  readonly sendSync = vi.fn();
}

class MockSession {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  headersReceived: { filter: unknown; listener: Listener } | null = null;
  readonly setPermissionRequestHandler = vi.fn((handler: Listener | null) => {
    this.permissionRequestHandler = handler;
  });
  readonly setPermissionCheckHandler = vi.fn((handler: Listener | null) => {
    this.permissionCheckHandler = handler;
  });
  readonly setDevicePermissionHandler = vi.fn((handler: Listener | null) => {
    this.devicePermissionHandler = handler;
  });
  readonly webRequest = {
    onHeadersReceived: vi.fn((filter: unknown, listener: Listener) => {
      this.headersReceived = { filter, listener };
    }),
  };
}

class MockApp extends EventEmitter {
  readonly paths = new Map<string, string>([
    ['userData', '/tmp/ombud-mock-user-data'],
    ['home', '/tmp/ombud-mock-home'],
  ]);
  readonly getPath = vi.fn((name: string) => this.paths.get(name) ?? `/tmp/ombud-mock-${name}`);
  readonly setPath = vi.fn((name: string, value: string) => {
    this.paths.set(name, value);
  });
  readonly getAppPath = vi.fn(() => '/tmp/ombud-mock-app');
  readonly getVersion = vi.fn(() => '0.1.0-test');
  readonly getName = vi.fn(() => 'Ombud');
  /** Electron's `app.isPackaged`: false while developing, true in an installed build. */
  isPackaged = false;
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly whenReady = vi.fn(async () => undefined);
  readonly isReady = vi.fn(() => true);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly focus = vi.fn();
}

export class MockNotification extends EventEmitter {
  static isSupported = vi.fn(() => false);
  /** Every notification created, so a test can read its title and body. */
  static instances: MockNotification[] = [];
  readonly show = vi.fn();
  constructor(readonly options: unknown = {}) {
    super();
    MockNotification.instances.push(this);
  }
}

export const app = new MockApp();
export const ipcMain = new MockIpcMain();
export const ipcRenderer = new MockIpcRenderer();
export const BrowserWindow = MockBrowserWindow;
export const Notification = MockNotification;
export const utilityProcess = {
  fork: vi.fn((modulePath: string, args?: readonly string[], options?: Record<string, unknown>) => new MockUtilityProcess(modulePath, args, options)),
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed.set(key, api);
  }),
};

export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
  openPath: vi.fn(async (_path: string) => ''),
  showItemInFolder: vi.fn(),
};

export const dialog = {
  showErrorBox: vi.fn(),
  showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
  /** The index of the button chosen; 1 by default, the "no" of Ombud's two-button questions. */
  showMessageBoxSync: vi.fn((_options: unknown): number => 1),
  showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
  showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: undefined as string | undefined })),
};

export const session = { defaultSession: new MockSession() };

export const protocol = {
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
    protocol.handlers.set(scheme, handler);
  }),
  unhandle: vi.fn((scheme: string) => {
    protocol.handlers.delete(scheme);
  }),
};

export const net = { fetch: vi.fn(async () => new Response('')) };

/** Menu: the template is kept as built, so a test can read the installed menu. */
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

/**
 * A stand-in secret store: "encrypts" by reversing and prefixing, so a key file written through it
 * is not the key's text. Tests of main.ts normally take the key from OMBUD_DB_KEY (vitest config).
 */
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  encryptString: vi.fn((text: string) => Buffer.from(`mock:${[...text].reverse().join('')}`, 'utf8')),
  decryptString: vi.fn((data: Buffer) => {
    const text = data.toString('utf8');
    if (!text.startsWith('mock:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return [...text.slice(5)].reverse().join('');
  }),
};

/** Forget everything recorded: handlers, windows, exposed APIs, listeners and call histories. */
export function resetElectronMock(): void {
  vi.clearAllMocks();
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  ipcRenderer.removeAllListeners();
  app.removeAllListeners();
  MockBrowserWindow.instances.length = 0;
  // A backend a test left running would hold its database open.
  for (const p of MockUtilityProcess.instances.splice(0)) if (!p.exited) p.kill();
  MockNotification.instances.length = 0;
  MockNotification.isSupported.mockImplementation(() => false);
  contextBridge.exposed.clear();
  protocol.handlers.clear();
  session.defaultSession = new MockSession();
  app.isPackaged = false;
}

export default {
  app,
  ipcMain,
  ipcRenderer,
  BrowserWindow,
  Notification,
  utilityProcess,
  contextBridge,
  shell,
  dialog,
  session,
  protocol,
  net,
  Menu,
  safeStorage,
};
