/** Opening the database for one CLI command, closing it (and checkpointing the WAL) afterwards. */
import { openApp, type OpenedApp } from '../services/open-app';

export async function withApp<T>(file: string, work: (app: OpenedApp) => T | Promise<T>): Promise<T> {
  // The CLI works on the real database, exactly as the desktop app would.
  const app = openApp({ file, mode: 'cli', log: () => {} });
  try {
    return await work(app);
  } finally {
    app.close();
  }
}
