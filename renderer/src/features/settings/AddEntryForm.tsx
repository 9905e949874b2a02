/** One text field and an add button; Enter adds. The field keeps its text when the backend refuses. */
import { useState, type FormEvent } from 'react';
import { catalogNameProblem } from '../../../../shared/domain/settings';

export function AddEntryForm({ id, label, buttonText, buttonName, onAdd }: Readonly<{
  id: string;
  label: string;
  buttonText: string;
  /** Accessible name of the button when the visible text alone would be ambiguous. */
  buttonName?: string;
  onAdd: (name: string) => Promise<boolean>;
}>) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const p = catalogNameProblem(name);
    setProblem(p);
    if (p) return;
    if (await onAdd(name.trim())) setName('');
  }

  return (
    <form className="add-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className={`field${problem ? ' field--error' : ''}`}>
        <label htmlFor={id} className="field-label">{label}</label>
        {problem ? <p id={`${id}-error`} className="field-error">{problem}</p> : null}
        <div className="field-row">
          <input
            id={id}
            className="input input--m"
            value={name}
            maxLength={120}
            autoComplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-error` : undefined}
            onChange={(e) => { setName(e.target.value); if (problem) setProblem(null); }}
          />
          <button type="submit" className="button button--secondary" aria-label={buttonName}>{buttonText}</button>
        </div>
      </div>
    </form>
  );
}
