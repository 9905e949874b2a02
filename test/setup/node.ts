/**
 * Node project setup. Any module that imports 'electron' gets the shared mock (test/mocks/electron.ts):
 * the real package would try to download its binary when required from plain Node.
 */
import { vi } from 'vitest';

vi.mock('electron', () => import('../mocks/electron'));
