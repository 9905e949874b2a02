/**
 * "Beregning": a disclosure button beside a due date that shows how the date was reached – rule and
 * its citation, whose deadline it is, start, unit, the days counted and skipped (with reasons),
 * roll-forward, pauses and extensions – as the engine's Danish sentences (`explanation.lines`, the
 * same the CLI prints).
 */
import { useId, useState } from 'react';
import type { DeadlineExplanation } from '../../../../shared/deadlines/types';

export function ExplanationLines({ explanation, label }: Readonly<{ explanation: DeadlineExplanation; label: string }>) {
  return (
    <ol className="explanation-lines" aria-label={label}>
      {explanation.lines.map((line, i) => <li key={i}>{line}</li>)}
    </ol>
  );
}

/**
 * The same deadline as a letter may say it (`explanation.letterLines`): full sentences without ids or
 * web addresses, ready to copy into a letter to the citizen or the forvaltning.
 */
export function LetterLines({ explanation, label }: Readonly<{ explanation: DeadlineExplanation; label: string }>) {
  const id = useId();
  return (
    <section className="explanation-letter" aria-labelledby={id}>
      <h3 id={id}>{label}</h3>
      {explanation.letterLines.map((line, i) => <p key={i}>{line}</p>)}
    </section>
  );
}

export function Explanation({ explanation, about }: Readonly<{
  explanation: DeadlineExplanation;
  /** What the deadline is, for the button's accessible name: "Beregning – svarfrist for redegørelse". */
  about: string;
}>) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="explanation">
      <button type="button" className="button button--secondary button--small" aria-expanded={open} aria-controls={id}
        onClick={() => setOpen((o) => !o)}>
        Beregning<span className="visually-hidden"> – {about}</span>
      </button>
      <div id={id} className="explanation-body" hidden={!open}>
        {open ? <ExplanationLines explanation={explanation} label={`Beregning af ${about}`} /> : null}
      </div>
    </div>
  );
}
