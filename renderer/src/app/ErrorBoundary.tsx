/**
 * Catches a rendering bug in one screen so the shell (header, navigation) keeps working and the
 * adviser can go elsewhere or try again. The shell keys it by route, so navigating resets it.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

type State = { failed: boolean };

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Fejl i visningen', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="page">
        <h1>Der opstod en fejl i visningen</h1>
        <p role="alert" className="alert alert--error">
          Skærmbilledet kunne ikke vises. Det, der allerede er gemt, er ikke berørt.
        </p>
        <p>
          <button type="button" className="button" onClick={() => this.setState({ failed: false })}>Prøv igen</button>{' '}
          <a href="#/sager">Gå til sagslisten</a>
        </p>
      </div>
    );
  }
}
