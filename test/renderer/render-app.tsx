/** Render the whole app at a route, with window.api bound to a fresh real backend. */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/src/app/App';
import { bindRealApi, type RealApi } from './real-api';

export function freshBackend(): RealApi {
  return bindRealApi();
}

export function renderAt(hash: string) {
  window.location.hash = hash;
  const user = userEvent.setup();
  const utils = render(<App />);
  return { user, ...utils };
}
