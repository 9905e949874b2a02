/**
 * Add a rule to a klagepunkt from the keyboard: type part of the id, paragraph or title, ↑/↓ choose,
 * Enter adds (the first match unless another is chosen), Escape clears. No option is active until the
 * adviser moves, so the first ↓ lands on the first match instead of skipping it. An ARIA 1.2 combobox with a
 * listbox popup; focus stays in the input so several rules can be added in a row. Enter never
 * submits the case form from here. A rule that cannot be recorded as breached (background, or
 * shipped and unverified: breachRefusal) is never offered, whatever the caller passes.
 */
import { useId, useState } from 'react';
import { breachRefusal, type Rule } from '../../../../shared/domain/rule';
import { ruleHeading, ruleSearchText } from '../rules/rule-text';
import { VerificationMark } from '../rules/VerificationMark';

const MAX_SHOWN = 8;

export function RulePicker({ id, rules, onAdd, error, loading }: Readonly<{
  id: string;
  /** The rules that can be added (not retired, not already linked); background rules are dropped here. */
  rules: ReadonlyArray<Rule>;
  onAdd: (rule: Rule) => void;
  error?: string | undefined;
  loading: boolean;
}>) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  // -1: no option active yet (the list just opened or the text changed).
  const [active, setActive] = useState(-1);
  const listId = useId();
  const needle = text.trim().toLocaleLowerCase('da-DK');
  const words = needle.split(/\s+/).filter((w) => w !== '');
  const matches = open
    ? rules.filter((r) => { if (breachRefusal(r) !== null) return false; const hay = ruleSearchText(r); return words.every((w) => hay.includes(w)); }).slice(0, MAX_SHOWN)
    : [];
  const expanded = open && matches.length > 0;
  const current = active < 0 ? undefined : matches[Math.min(active, matches.length - 1)];
  const optionId = (r: Rule) => `${listId}-${r.id}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  function add(rule: Rule) {
    onAdd(rule);
    setText('');
    setActive(-1);
    setOpen(false);
  }

  return (
    <div className={`field combobox${error ? ' field--error' : ''}`}>
      <label htmlFor={id} className="field-label">Tilføj regel</label>
      <p id={hintId} className="field-hint">Skriv id, paragraf eller titel. ↑/↓ vælger, Enter tilføjer.</p>
      {error ? <p id={errorId} className="field-error">{error}</p> : null}
      <input
        id={id}
        className="input input--l"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && current ? optionId(current) : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        aria-invalid={error ? true : undefined}
        onChange={(e) => { setText(e.target.value); setOpen(true); setActive(-1); }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            if (!open) { setOpen(true); setActive(-1); return; }
            const n = matches.length;
            // From "none active", ↓ goes to the first match and ↑ to the last.
            if (n > 0) setActive((a) => (a < 0 ? (e.key === 'ArrowDown' ? 0 : n - 1) : (Math.min(a, n - 1) + (e.key === 'ArrowDown' ? 1 : n - 1)) % n));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const chosen = current ?? matches[0];
            if (expanded && chosen) add(chosen);
          } else if (e.key === 'Escape' && (open || text !== '')) {
            e.preventDefault();
            e.stopPropagation();
            if (open) setOpen(false); else setText('');
          }
        }}
      />
      <ul id={listId} role="listbox" aria-label="Regler der matcher" className="combobox-list" hidden={!expanded}>
        {matches.map((r) => (
          <li
            key={r.id}
            id={optionId(r)}
            role="option"
            aria-selected={r === current}
            className={r === current ? 'combobox-option is-active' : 'combobox-option'}
            // mousedown, not click: the input keeps focus (blur would close the list first).
            onMouseDown={(e) => { e.preventDefault(); add(r); }}
          >
            <span>{ruleHeading(r)}</span> <code className="muted">{r.id}</code> <VerificationMark verification={r.verification} />
          </li>
        ))}
      </ul>
      <p className="field-hint feedback" role="status">{open && needle !== '' && matches.length === 0 ? (loading ? 'Henter regler …' : 'Ingen regler matcher.') : ''}</p>
    </div>
  );
}
