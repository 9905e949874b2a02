/**
 * The review before the anonymised finding is exported: every replacement (what stood there, what
 * it became, how often) beside the highlighted preview, and the adviser's own extra terms – a
 * neighbour's name, a street, a diagnosis – one per line, which the backend then replaces as well.
 */
import { useState } from 'react';
import { ANONYMISATION_TERM_LIMITS } from '../../../../shared/letters/finding-state';
import { ApiError, errorMessage } from '../../api/client';
import { TextAreaField } from '../../components/Field';

export type Replacement = Readonly<{ original: string; replacement: string; count: number }>;

export function termsFromText(text: string): string[] {
  return text.split(/\r?\n/u).map((t) => t.trim()).filter((t) => t !== '');
}

export function AnonymisationReview({ terms, replacements, onSaveTerms }: Readonly<{
  terms: ReadonlyArray<string>;
  replacements: ReadonlyArray<Replacement>;
  onSaveTerms: (terms: string[]) => Promise<void>;
}>) {
  const [text, setText] = useState(terms.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    if (busy) return;
    const list = termsFromText(text);
    const tooLong = list.find((t) => t.length > ANONYMISATION_TERM_LIMITS.maxLength);
    if (tooLong !== undefined) {
      setError(`Et ord må højst være ${ANONYMISATION_TERM_LIMITS.maxLength} tegn: «${tooLong.slice(0, 40)}…».`);
      return;
    }
    if (list.length > ANONYMISATION_TERM_LIMITS.maxCount) {
      setError(`Der kan højst være ${ANONYMISATION_TERM_LIMITS.maxCount} ekstra ord (der er ${list.length}).`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSaveTerms(list);
    } catch (e) {
      setError(e instanceof ApiError && e.fields.terms !== undefined ? e.fields.terms : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="anonymisation-review">
      <p>
        Navne, adresser, CPR-numre, e-mailadresser og telefonnumre er erstattet i teksten, overskrifterne og
        PDF-filens oplysninger. Gennemgå de markerede steder, før du gemmer den anonymiserede udgave.
      </p>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate aria-label="Ekstra ord til anonymisering">
        <TextAreaField
          id="anonymisation-terms"
          label="Ekstra ord, der skal erstattes (ét pr. linje)"
          hint="Fx en nabos navn, en vej eller en diagnose. De erstattes med [udeladt]."
          value={text}
          onChange={(v) => { setText(v); setError(null); }}
          rows={4}
          error={error ?? undefined}
        />
        <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>Gem ord</button>
      </form>
      <h3 id="anonymisation-replacements">Erstatninger</h3>
      {replacements.length === 0 ? <p className="muted">Intet er erstattet.</p> : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="anonymisation-replacements">
            <thead><tr><th scope="col">Stod der</th><th scope="col">Erstattet med</th><th scope="col">Antal</th></tr></thead>
            <tbody>
              {replacements.map((r) => (
                <tr key={`${r.replacement}|${r.original}`}>
                  <td>{r.original}</td>
                  <td><mark className="letter-mark">{r.replacement}</mark></td>
                  <td>{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
