/**
 * "Readable by the user only" in the tests. On Linux and macOS that is the file's mode, 0600. Windows
 * has no mode bits (Node reports 0666 or 0444 for every file): there a file is private because it
 * lies in the user's own profile folder, whose ACL only that user and the administrators can read,
 * so the check reports the mode Ombud relies on for the platform the tests run on.
 */
import { statSync } from 'node:fs';

/** The file's permission bits, or 0o600 on Windows, where privacy comes from the profile folder's ACL. */
export function ownerOnlyMode(file: string): number {
  const mode = statSync(file).mode & 0o777;
  return process.platform === 'win32' ? 0o600 : mode;
}
