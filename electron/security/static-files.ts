/**
 * Mapping a request path to a file inside the renderer build, refusing anything that would leave
 * it (path traversal through "..", encoded "%2e%2e%2f", backslashes, NUL bytes or symlinks).
 * Shared by the app:// protocol (main.ts), the preview server and the e2e harness, so all three
 * serve the same files the same way (Electron security checklist item 18: serve local content
 * through a custom protocol with an explicit file check, not file://).
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Content type by file extension; unknown types are served as opaque bytes. */
export function mimeTypeFor(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The absolute file a URL pathname names inside `rootDir`, or null when the path is malformed or
 * would leave the folder. "/" means index.html. Purely textual; `readStaticFile` adds the symlink check.
 */
export function resolveStaticPath(rootDir: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null; // malformed %-escape
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (!decoded.startsWith('/')) return null;
  // Refuse any ".." segment outright rather than normalising it away: no legitimate asset needs one.
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  if (resolved === root) return path.join(root, 'index.html');
  return resolved;
}

export type StaticFile = Readonly<{ file: string; body: Buffer; contentType: string }>;

export type StaticLookup =
  | Readonly<{ status: 200; file: StaticFile }>
  | Readonly<{ status: 403 | 404 }>;

/**
 * Read the file a pathname names inside `rootDir`. 403 for traversal attempts (including a symlink
 * pointing outside), 404 for missing files. Extension-less paths fall back to index.html so a
 * reload on a client-side route still loads the app.
 */
export async function readStaticFile(rootDir: string, urlPathname: string): Promise<StaticLookup> {
  const resolved = resolveStaticPath(rootDir, urlPathname);
  if (resolved === null) return { status: 403 };
  const root = await realpath(path.resolve(rootDir)).catch(() => null);
  if (root === null) return { status: 404 };
  let target = resolved;
  const isFile = await stat(target).then((s) => s.isFile(), () => false);
  if (!isFile) {
    if (path.extname(target) !== '') return { status: 404 };
    target = path.join(root, 'index.html');
  }
  const real = await realpath(target).catch(() => null);
  if (real === null) return { status: 404 };
  if (!real.startsWith(root + path.sep)) return { status: 403 };
  const body = await readFile(real);
  return { status: 200, file: { file: real, body, contentType: mimeTypeFor(real) } };
}
