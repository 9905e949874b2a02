/** The contract, the preload's channel list and the handlers agree (architecture rule 3). */
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../electron/ipc/handlers';
import { openApp } from '../../../electron/services/open-app';
import { CHANNELS } from '../../../shared/ipc/channels';
import { requests } from '../../../shared/ipc/contract';

describe('IPC contract', () => {
  it('CHANNELS (bundled into the preload) lists exactly the contract channels, in order', () => {
    expect([...CHANNELS]).toEqual(Object.keys(requests));
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
  });

  it('every channel has a handler and there are no extra handlers', () => {
    const app = openApp({ file: ':memory:', mode: 'test' });
    try {
      const handlers = createHandlers(app.ctx);
      expect(Object.keys(handlers).sort()).toEqual(Object.keys(requests).sort());
      for (const channel of CHANNELS) expect(typeof handlers[channel], channel).toBe('function');
    } finally {
      app.close();
    }
  });

  it('channel names read domain:verb', () => {
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+(-[a-z]+)*:[a-z]+(-[a-z]+)*$/);
  });
});
