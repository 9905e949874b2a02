/**
 * Brevpapir: the sender every letter prints (the office, the municipality's name from Kommune above,
 * the address and contact lines) and the optional logo, with a preview of the letter's head as the
 * finding shows it. A logo is checked by the backend (PNG or JPEG by its first bytes, at most 1 MB,
 * and it must go into a PDF); the size is checked here first so a large file is not sent at all.
 */
import { useEffect, useState, type FormEvent } from 'react';
import {
  LETTERHEAD_LINES_MAX, LETTERHEAD_LINE_MAX, letterheadProblems, linesFromText, senderLines, type LetterheadSettings,
} from '../../../../shared/letters/letterhead-settings';
import { errorMessage, send } from '../../api/client';
import { FileField, TextAreaField, TextField } from '../../components/Field';
import { readFileAsBase64 } from '../import/read-file';
import { SectionFeedback } from './SectionFeedback';
import { useSectionAction } from './use-settings-action';

const LOGO_MAX_BYTES = 1024 * 1024;

type Draft = { office: string; address: string; contact: string };

function draftOf(s: LetterheadSettings): Draft {
  return { office: s.office, address: s.addressLines.join('\n'), contact: s.contactLines.join('\n') };
}

export function LetterheadSection() {
  const [stored, setStored] = useState<LetterheadSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>({ office: '', address: '', contact: '' });
  const [problems, setProblems] = useState<Partial<Record<'office' | 'addressLines' | 'contactLines', string>>>({});
  const [logoProblem, setLogoProblem] = useState<string | undefined>(undefined);
  // Remounting the file input clears the chosen file after it was stored or refused.
  const [fileKey, setFileKey] = useState(0);
  const action = useSectionAction<LetterheadSettings>(setStored);

  useEffect(() => {
    let live = true;
    send('letterhead:get', {}).then(
      (s) => { if (live) { setStored(s); setDraft(draftOf(s)); } },
      (e: unknown) => { if (live) setLoadError(errorMessage(e)); },
    );
    return () => { live = false; };
  }, []);

  const backend = action.fieldErrors;

  async function save(e: FormEvent) {
    e.preventDefault();
    const text = { office: draft.office.trim(), addressLines: linesFromText(draft.address), contactLines: linesFromText(draft.contact) };
    const p = letterheadProblems(text);
    setProblems(p);
    if (Object.keys(p).length > 0) return;
    if (await action.run(() => send('letterhead:save', text), 'Brevpapiret er gemt. Nye breve og udtalelser bruger det.')) {
      setDraft({ office: text.office, address: text.addressLines.join('\n'), contact: text.contactLines.join('\n') });
    }
  }

  async function chooseLogo(file: File | null) {
    setLogoProblem(undefined);
    if (file === null) return;
    if (file.size > LOGO_MAX_BYTES) {
      const mb = (file.size / (1024 * 1024)).toLocaleString('da-DK', { maximumFractionDigits: 1 });
      setLogoProblem(`«${file.name}» fylder ${mb} MB. Logoet må højst fylde 1 MB – gem det i en mindre udgave og prøv igen.`);
      return;
    }
    let contentBase64: string;
    try {
      contentBase64 = await readFileAsBase64(file);
    } catch (err) {
      setLogoProblem(errorMessage(err));
      return;
    }
    const ok = await action.run(() => send('letterhead:set-logo', { fileName: file.name, contentBase64 }), `Logoet «${file.name}» er gemt og står nu i brevene.`);
    if (ok) setFileKey((k) => k + 1);
  }

  if (stored === null) {
    return (
      <section className="form-section" aria-labelledby="set-letterhead">
        <h2 id="set-letterhead" tabIndex={-1}>Brevpapir</h2>
        {loadError ? <p role="alert" className="alert alert--error">{loadError}</p> : <p className="muted">Henter brevpapiret …</p>}
      </section>
    );
  }

  const linesHint = `Én linje pr. linje i brevet, højst ${LETTERHEAD_LINES_MAX} linjer på hver ${LETTERHEAD_LINE_MAX} tegn.`;
  return (
    <section className="form-section" aria-labelledby="set-letterhead">
      <h2 id="set-letterhead" tabIndex={-1}>Brevpapir</h2>
      <p className="muted">Afsenderen øverst til højre i udtalelser og andre breve. Kommunens navn tages fra »Kommune« ovenfor.</p>
      <form onSubmit={(e) => void save(e)} noValidate aria-label="Brevpapir" className="letterhead-form">
        <TextField id="letterhead-office" label="Afsender" hint="Fx »Borgerrådgiveren«." width="m" value={draft.office}
          error={problems.office ?? backend['office']} onChange={(office) => { setDraft({ ...draft, office }); setProblems({ ...problems, office: undefined }); }} />
        <TextAreaField id="letterhead-address" label="Adresse" hint={linesHint} rows={3} value={draft.address}
          error={problems.addressLines ?? backend['addressLines']} onChange={(address) => { setDraft({ ...draft, address }); setProblems({ ...problems, addressLines: undefined }); }} />
        <TextAreaField id="letterhead-contact" label="Kontaktoplysninger" hint={`Telefon, e-mail, hjemmeside. ${linesHint}`} rows={3} value={draft.contact}
          error={problems.contactLines ?? backend['contactLines']} onChange={(contact) => { setDraft({ ...draft, contact }); setProblems({ ...problems, contactLines: undefined }); }} />
        <button type="submit" className="button button--secondary">Gem brevpapir</button>
      </form>

      <div className="letterhead-logo">
        <h3>Logo</h3>
        {stored.logo ? (
          <div className="letterhead-logo-current">
            <img src={`data:${stored.logo.mediaType};base64,${stored.logo.contentBase64}`} alt="Det nuværende logo i brevene" />
            <button type="button" className="button button--secondary button--small"
              onClick={() => void action.run(() => send('letterhead:remove-logo', {}), 'Logoet er fjernet. Brevene har nu intet logo.')}>Fjern logo</button>
          </div>
        ) : <p className="muted">Brevene har intet logo.</p>}
        <FileField key={fileKey} id="letterhead-logo" label={stored.logo ? 'Skift logo' : 'Vælg logo'} hint="PNG eller JPEG, højst 1 MB. Står øverst til venstre på brevets første side."
          accept=".png,.jpg,.jpeg,image/png,image/jpeg" error={logoProblem ?? backend['logo']} onChange={(file) => void chooseLogo(file)} />
      </div>

      <SectionFeedback notice={action.notice} error={action.error} />

      <figure className="letterhead-preview" aria-labelledby="letterhead-preview-caption">
        <figcaption id="letterhead-preview-caption">Sådan står afsenderen i brevene</figcaption>
        <div className="letter-head letterhead-preview-head">
          {stored.logo ? <img src={`data:${stored.logo.mediaType};base64,${stored.logo.contentBase64}`} alt="" className="letterhead-preview-logo" /> : null}
          <address className="letter-sender">{senderLines(stored).map((l, i) => <span key={i}>{l}</span>)}</address>
        </div>
      </figure>
    </section>
  );
}
