/**
 * A broken audit chain is shown on every screen until an adviser has read it: the backend verifies
 * the chain at start-up in the background (`audit:status`); "Jeg har læst advarslen" records in the
 * log who read it (`audit:acknowledge`). Never dismissed silently, and back at the next start while
 * the chain is still broken.
 */
import { useEffect, useState } from 'react';
import type { AuditStatus } from '../../../shared/domain/audit';
import { errorMessage, send } from '../api/client';
import { useActor } from '../features/actor/ActorProvider';

/** How soon the start-up verification's result is asked for again while it runs: 2 s, then twice as long each time, at most a minute. */
const FIRST_POLL_MS = 2_000;
const MAX_POLL_MS = 60_000;

export function AuditBanner() {
  const { adviser } = useActor();
  const [status, setStatus] = useState<AuditStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let timer: number | undefined;
    let wait = FIRST_POLL_MS;
    const poll = async () => {
      try {
        const s = await send('audit:status', {});
        if (!live) return;
        setStatus(s);
        if (s.state === 'checking') {
          timer = window.setTimeout(() => void poll(), wait);
          wait = Math.min(wait * 2, MAX_POLL_MS);
        }
      } catch {
        // The status is asked for again at the next start; the shell must not fail because of it.
      }
    };
    void poll();
    return () => { live = false; window.clearTimeout(timer); };
  }, []);

  if (status?.state !== 'broken' || status.acknowledgedBy !== null) return null;

  async function acknowledge() {
    try {
      setStatus(await send('audit:acknowledge', {}));
      setProblem(null);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  }

  return (
    <div className="alert alert--error" role="alert" aria-labelledby="audit-banner-title">
      <h2 id="audit-banner-title">Revisionssporet er brudt</h2>
      <p>
        {status.reason} Loggen over hvem der har set og ændret hvad, kan være ændret uden om Ombud. Kontakt IT-supporten og
        kommunens databeskyttelsesrådgiver, og brug ikke loggen som dokumentation, før det er undersøgt. Se Databeskyttelse › Revisionsspor.
      </p>
      {adviser === null ? <p>Vælg, hvem du er, for at bekræfte, at du har læst advarslen.</p> : (
        <button type="button" className="button button--secondary" onClick={() => void acknowledge()}>Jeg har læst advarslen</button>
      )}
      {problem === null ? null : <p>{problem}</p>}
    </div>
  );
}
