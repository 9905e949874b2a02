/**
 * The key every test database is encrypted with. build/vitest.config.mts puts it in OMBUD_DB_KEY,
 * so every child process a test starts (the CLI, the preview server, a forked backend) inherits it;
 * tests that open a file in-process pass TEST_DB_KEY to openApp/openDatabase. Not a secret.
 */
import type { DbKey } from '../../db/key';

export const TEST_DB_KEY_TEXT = '7e57da7a0b0d0e5c0ffee0ddba11f00d7e57da7a0b0d0e5c0ffee0ddba11f00d';
export const TEST_DB_KEY: DbKey = { kind: 'raw', hex: TEST_DB_KEY_TEXT };
