/**
 * A form's working copy with the shared save cycle (components/use-validated-submit.ts): `set`
 * changes one field and re-checks once a save was tried, `submit` saves the current draft. The
 * Akter og journal forms share it.
 */
import { useState, type FormEvent } from 'react';
import { useValidatedSubmit, type Checked } from '../../components/use-validated-submit';

export function useDraftForm<Draft extends object, Input>(initial: Draft, opts: {
  check: (draft: Draft) => Checked<Input>;
  save: (input: Input) => Promise<unknown>;
  notSaved: string;
}) {
  const [draft, setDraft] = useState(initial);
  const form = useValidatedSubmit(opts);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    form.revalidate(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(draft);
  };
  return { ...form, draft, set, submit };
}
