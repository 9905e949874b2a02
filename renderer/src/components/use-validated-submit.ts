/**
 * The save cycle every form shares: validate locally first (the same Danish rules the backend
 * applies), show the errors next to their fields and move focus to the error summary; otherwise
 * save, and map the backend's field errors onto the same fields if it refuses. Once a save has been
 * attempted, the messages follow the input (`revalidate`), so a fixed field stops showing its error.
 * Nothing the adviser typed is touched: the draft stays with the caller.
 */
import { useRef, useState } from 'react';
import { ApiError, notSavedMessage } from '../api/client';

export type Checked<Input> = Readonly<{ input: Input | null; errors: Record<string, string> }>;

export function useValidatedSubmit<Draft, Input>(opts: {
  check: (draft: Draft) => Checked<Input>;
  save: (input: Input) => Promise<unknown>;
  /** Summary shown when local validation fails, e.g. "Reglen er ikke gemt. Ret de markerede felter." */
  notSaved: string;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  function revalidate(draft: Draft): void {
    if (attempted) setErrors(opts.check(draft).errors);
  }

  async function submit(draft: Draft): Promise<void> {
    if (saving) return;
    setAttempted(true);
    const { input, errors: found } = opts.check(draft);
    if (input === null || Object.keys(found).length > 0) {
      setErrors(found);
      setMessage(opts.notSaved);
      focusSummary();
      return;
    }
    setSaving(true);
    try {
      await opts.save(input);
      setErrors({});
      setMessage(null);
      setAttempted(false);
    } catch (e) {
      setErrors(e instanceof ApiError ? { ...e.fields } : {});
      // Field errors from the backend (a validation, a taken sagsnr) read as the form's own.
      setMessage(notSavedMessage(e, opts.notSaved));
      focusSummary();
    } finally {
      setSaving(false);
    }
  }

  return { errors, setErrors, message, saving, summaryRef, revalidate, submit };
}
