/**
 * Preloaded (`--import`) into the Node child that test/mocks/electron.ts starts for
 * `utilityProcess.fork`: gives it Electron's `process.parentPort` (Electron docs, "parentPort":
 * `on('message', (e) => e.data)` and `postMessage`), so the backend entry takes exactly the code path
 * it takes in the app. Like Electron, which ends utility processes with the app, the child ends when
 * its parent goes away. With OMBUD_MOCK_NOW set (an ISO instant), the child's clock stands still at
 * that instant, as vi.setSystemTime does in the test process — the backend's "today" is its own.
 */
import { EventEmitter } from 'node:events';

const port = new EventEmitter();
port.postMessage = (message) => {
  if (process.connected) process.send(message);
};
port.start = () => {};
process.on('message', (data) => port.emit('message', { data }));
process.on('disconnect', () => process.exit(0));
process.parentPort = port;

const fixedNow = process.env.OMBUD_MOCK_NOW ? Date.parse(process.env.OMBUD_MOCK_NOW) : Number.NaN;
if (!Number.isNaN(fixedNow)) {
  const RealDate = Date;
  globalThis.Date = class extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(fixedNow);
      else super(...args);
    }
    static now() {
      return fixedNow;
    }
  };
}
