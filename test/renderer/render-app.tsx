/** Render the whole app at a route, with window.api bound to a fresh real backend. */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/src/app/App';
import { bindRealApi, type RealApi } from './real-api';

/** `chosen: false`: nobody has chosen who they are yet, so the app starts on the chooser. */
export function freshBackend(opts: Readonly<{ chosen?: boolean }> = {}): RealApi {
  return bindRealApi(opts);
}

export function renderAt(hash: string) {
  window.location.hash = hash;
  const user = userEvent.setup();
  const utils = render(<App />);
  return { user, ...utils };
}
