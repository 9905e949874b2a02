/** The header's "who am I": the chosen adviser's name and a button to switch (opens the chooser). */
import { useActor } from './ActorProvider';

export function ActorControl() {
  const { adviser, choosing, startChoosing } = useActor();
  if (adviser === null) return null;
  return (
    <div className="app-actor">
      <span className="app-actor-name">
        <span className="muted">Rådgiver: </span>
        {adviser.name}
      </span>
      {choosing ? null : (
        <button type="button" className="link-button" onClick={startChoosing}>
          Skift rådgiver
        </button>
      )}
    </div>
  );
}
