/**
 * Udtalelse on the case page: the finding from draft to issued letter.
 *
 * The draft is the auto-draft from the case's data with the sections the adviser has rewritten
 * (findings:state). Each section is edited as text beside the live A4 preview, with the phrase
 * library's texts one keystroke away. Issuing locks the text and stores both letters (to the citizen
 * and to the forvaltning) as PDF with their SHA-256; a correction is a new version with a reason, and
 * every version stays readable. The anonymised version for publication is reviewed with its
 * replacements highlighted before it is saved. "Gem som PDF" and "Åbn" always give the backend's PDF
 * of exactly what the preview shows (an issued version: its stored bytes).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { formatDanishDate, formatDanishDateTime } from '../../../../shared/domain/dates';
import { ANONYMISED_WORDS } from '../../../../shared/letters/anonymise';
import type { LetterDocument } from '../../../../shared/letters/document';
import { findingSectionRank } from '../../../../shared/letters/finding-draft';
import { DEFAULT_FINDING_PHRASES } from '../../../../shared/letters/finding-phrases';
import type { FindingState, FindingVersion } from '../../../../shared/letters/finding-state';
import { letterTo, type FindingAddressees, type LetterVariant } from '../../../../shared/letters/finding-variant';
import { phrasesForSection, type Phrase } from '../../../../shared/letters/phrases';
import { applySectionEdits, parseSectionText } from '../../../../shared/letters/section-text';
import { errorMessage, send } from '../../api/client';
import { openDocument, saveDocumentAs } from '../records/record-files';
import { AnonymisationReview, type Replacement } from './AnonymisationReview';
import { FindingVersions } from './FindingVersions';
import { IssuePanel } from './IssuePanel';
import { LetterView } from './LetterView';
import { SectionEditor } from './SectionEditor';

type View = 'brev' | 'anonymiseret';
type Shown = Readonly<{ version: FindingVersion; document: LetterDocument; addressees: FindingAddressees }>;

const VARIANT_LABEL: Record<LetterVariant, string> = { borger: 'Til borgeren (kopi til forvaltningen)', forvaltning: 'Til forvaltningen (kopi til borgeren)' };

export function FindingSection({ caseId, version, refresh }: Readonly<{ caseId: number; version: number; refresh: number }>) {
  const [state, setState] = useState<FindingState | null>(null);
  const [phrases, setPhrases] = useState<ReadonlyArray<Phrase>>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [typed, setTyped] = useState<string | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [variant, setVariant] = useState<LetterVariant>('borger');
  const [view, setView] = useState<View>('brev');
  const [shown, setShown] = useState<Shown | null>(null);
  const [anonymised, setAnonymised] = useState<{ document: LetterDocument; replacements: ReadonlyArray<Replacement> } | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setState(await send('findings:state', { caseId }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [caseId]);

  useEffect(() => { void load(); }, [load, version, refresh]);
  useEffect(() => {
    send('phrases:list', {}).then(setPhrases, (e: unknown) => setError(errorMessage(e)));
  }, []);

  const shownId = shown?.version.id ?? null;
  useEffect(() => {
    if (view !== 'anonymiseret' || state === null) return;
    let live = true;
    send('findings:anonymised', { caseId, versionId: shownId }).then((a) => { if (live) setAnonymised(a); }, (e: unknown) => setError(errorMessage(e)));
    return () => { live = false; };
  }, [view, state, caseId, shownId]);

  const section = state?.sections.find((s) => s.key === editing) ?? null;
  // Parsed once per keystroke, not on every render: the preview below depends on it.
  const parsed = useMemo(() => (editing !== null && typed !== null ? parseSectionText(typed, editing) : null), [editing, typed]);

  /** The letter the preview shows: a chosen version, else the state's, with the section as typed, to the chosen addressee. */
  const letter = useMemo((): LetterDocument | null => {
    if (state === null) return null;
    const base = shown?.document ?? state.document;
    const live = parsed?.ok === true && section !== null ? applySectionEdits(base, [{ section: section.key, blocks: parsed.blocks }], findingSectionRank) : base;
    return letterTo(live, variant, shown?.addressees ?? state.addressees);
  }, [state, shown, parsed, section, variant]);

  if (state === null || letter === null) {
    return (
      <section className="form-section finding" aria-labelledby="finding-title">
        <h2 id="finding-title">Udtalelse</h2>
        {error ? <p role="alert" className="alert alert--error">{error}</p> : <p className="muted">Danner udkast …</p>}
      </section>
    );
  }

  const newest = state.versions[0] ?? null;
  const nextVersion = (newest?.version ?? 0) + 1;
  const draft = state.mode === 'udkast';
  const edited = state.sections.some((s) => s.edited);
  const unverified = state.sections.filter((s) => s.text.includes(DEFAULT_FINDING_PHRASES.unverifiedNote)).map((s) => s.label);

  async function act(run: () => Promise<FindingState>, done: string | null) {
    setError(null);
    setNotice(null);
    const next = await run();
    setState(next);
    if (done !== null) setNotice(done);
  }

  async function guarded(run: () => Promise<void>) {
    try {
      await run();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const pdfInput = () => ({ caseId, versionId: shownId, variant: view === 'anonymiseret' ? ('borger' as const) : variant, anonymised: view === 'anonymiseret' });

  async function savePdf() {
    await guarded(async () => {
      setNotice(null);
      const pdf = await send('findings:pdf', pdfInput());
      saveDocumentAs(pdf);
      setNotice(`${pdf.fileName} er gemt.`);
    });
  }

  async function openPdf() {
    await guarded(async () => {
      setNotice(null);
      if ((await send('findings:open', pdfInput())).opened) {
        setNotice('Udtalelsen er åbnet i PDF-læseren.');
        return;
      }
      const pdf = await send('findings:pdf', pdfInput());
      if (!openDocument(pdf)) setNotice(`${pdf.fileName} kan ikke vises her og er gemt som fil i stedet.`);
    });
  }

  async function showVersion(v: FindingVersion) {
    await guarded(async () => {
      if (newest !== null && v.id === newest.id && state?.mode === 'udsendt') {
        setShown(null);
        return;
      }
      setShown(await send('findings:version', { versionId: v.id }));
    });
  }

  function startEdit(key: string) {
    setEditing(key);
    setTyped(null);
    setNotice(null);
  }

  function stopEdit() {
    setEditing(null);
    setTyped(null);
  }

  const status = draft
    ? state.draftSupersedes === null ? 'Udkast – ikke udsendt' : `Udkast til version ${nextVersion}, der skal erstatte version ${state.draftSupersedes}`
    : newest === null ? '' : `Udsendt som version ${newest.version} den ${formatDanishDateTime(newest.issuedAt)} af ${newest.issuedBy}. Teksten er låst.`;

  return (
    <section className="form-section finding" aria-labelledby="finding-title">
      <h2 id="finding-title">Udtalelse</h2>
      {error ? <p role="alert" className="alert alert--error">{error}</p> : null}
      <div role="status" className="feedback">{notice ? <p className="alert alert--success">{notice}</p> : null}</div>

      <div className="finding-toolbar">
        <p className="finding-status"><strong>{status}</strong>{draft ? ` · dannet ud fra sagens oplysninger ${formatDanishDate(state.document.letterhead.date)}` : null}</p>
        <div className="button-row">
          {draft ? (
            <>
              <button type="button" className="button" onClick={() => {
                if (editing !== null) { setError('Gem eller annullér afsnittet, du redigerer, før udtalelsen udsendes.'); return; }
                setShown(null);
                setIssuing(true);
              }}>Udsend …</button>
              {edited || state.draftSupersedes !== null ? (
                <button type="button" className="button button--secondary" onClick={() => {
                  const question = state.draftSupersedes === null
                    ? 'Vil du kassere dine ændringer i udkastet? Alle afsnit får den automatiske tekst igen.'
                    : `Vil du kassere udkastet til version ${nextVersion}? Version ${state.draftSupersedes} forbliver den udsendte.`;
                  if (!window.confirm(question)) return;
                  stopEdit();
                  void guarded(() => act(() => send('findings:discard-draft', { caseId }), 'Udkastet er kasseret.'));
                }}>Kassér udkastet</button>
              ) : null}
            </>
          ) : (
            <button type="button" className="button button--secondary" onClick={() => {
              setShown(null);
              void guarded(() => act(() => send('findings:new-version', { caseId }), `Version ${nextVersion} er påbegyndt med teksten fra version ${newest?.version ?? ''}. Rediger afsnittene, og udsend den med en begrundelse.`));
            }}>Ny version</button>
          )}
          {draft ? <button type="button" className="button button--secondary" onClick={() => { setNotice(null); void load(); }}>Dan udkastet igen</button> : null}
          <button type="button" className="button button--secondary" onClick={() => void savePdf()}>Gem som PDF</button>
          <button type="button" className="button button--secondary" onClick={() => void openPdf()}>Åbn</button>
        </div>
      </div>

      {issuing ? (
        <IssuePanel nextVersion={nextVersion} supersedes={state.draftSupersedes} unverified={unverified}
          onCancel={() => setIssuing(false)}
          onIssue={async (reason) => {
            await act(() => send('findings:issue', { caseId, reason }), `Udtalelsen er udsendt som version ${nextVersion}. Brevene til borgeren og forvaltningen er gemt og kan ikke ændres.`);
            setIssuing(false);
          }} />
      ) : null}

      <div className="finding-choices">
        <fieldset className="radio-group radio-group--inline">
          <legend className="field-label">Visning</legend>
          {(['brev', 'anonymiseret'] as const).map((v) => (
            <div className="radio" key={v}>
              <input id={`finding-view-${v}`} type="radio" name="finding-view" checked={view === v} onChange={() => setView(v)} />
              <label htmlFor={`finding-view-${v}`}>{v === 'brev' ? 'Brevet' : 'Anonymiseret udgave'}</label>
            </div>
          ))}
        </fieldset>
        {view === 'brev' ? (
          <fieldset className="radio-group radio-group--inline">
            <legend className="field-label">Brev</legend>
            {(['borger', 'forvaltning'] as const).map((v) => (
              <div className="radio" key={v}>
                <input id={`finding-variant-${v}`} type="radio" name="finding-variant" checked={variant === v} onChange={() => setVariant(v)} />
                <label htmlFor={`finding-variant-${v}`}>{VARIANT_LABEL[v]}</label>
              </div>
            ))}
          </fieldset>
        ) : null}
      </div>

      {shown !== null ? (
        <p className="alert alert--info">
          Du ser version {shown.version.version} fra {formatDanishDate(shown.version.letterDate)}
          {newest !== null && shown.version.id !== newest.id ? ', som er erstattet af en nyere version' : ''}.{' '}
          <button type="button" className="button button--secondary button--small" onClick={() => setShown(null)}>
            {draft ? 'Vis udkastet' : 'Vis den nyeste'}
          </button>
        </p>
      ) : null}

      <div className="finding-layout">
        <div className="finding-side">
          {view === 'anonymiseret' ? (
            <AnonymisationReview key={state.anonymisationTerms.join('\n')} terms={state.anonymisationTerms} replacements={anonymised?.replacements ?? []}
              onSaveTerms={async (terms) => {
                await act(() => send('findings:set-anonymisation-terms', { caseId, terms }), 'Ordene er gemt, og den anonymiserede udgave er dannet igen.');
              }} />
          ) : section !== null ? (
            <SectionEditor key={section.key} section={section}
              phrases={phrasesForSection(phrases, { outcome: section.outcome, ruleIds: section.ruleIds })}
              parseProblem={parsed?.ok === false ? parsed.message : null}
              onDraft={setTyped}
              onCancel={stopEdit}
              onSave={async (text) => {
                await act(() => send('findings:save-section', { caseId, section: section.key, text }), `Afsnittet «${section.label}» er gemt i udkastet.`);
                stopEdit();
              }}
              onReset={async () => {
                await act(() => send('findings:reset-section', { caseId, section: section.key }), `Afsnittet «${section.label}» har fået den automatiske tekst igen.`);
                stopEdit();
              }} />
          ) : draft && shown === null ? (
            <nav aria-labelledby="finding-sections-title">
              <h3 id="finding-sections-title">Afsnit</h3>
              <ul className="finding-sections">
                {state.sections.map((s) => (
                  <li key={s.key}>
                    <span>{s.label}{s.edited ? <span className="tag">redigeret</span> : null}</span>
                    <button type="button" className="button button--secondary button--small" aria-label={`Rediger ${s.label}`} onClick={() => startEdit(s.key)}>Rediger</button>
                  </li>
                ))}
              </ul>
            </nav>
          ) : (
            <FindingVersions versions={state.versions} shownId={shownId ?? newest?.id ?? null} onShow={(v) => void showVersion(v)} />
          )}
        </div>
        <div className="finding-preview">
          {view === 'anonymiseret' ? (
            anonymised === null ? <p className="muted">Danner den anonymiserede udgave …</p> : (
              <LetterView document={anonymised.document} baseLevel={3} label="Anonymiseret udgave" marks={ANONYMISED_WORDS} />
            )
          ) : (
            <LetterView document={letter} baseLevel={3} label={draft && shown === null ? 'Udkast til udtalelse' : `Udtalelse, version ${shown?.version.version ?? newest?.version ?? ''}`} />
          )}
        </div>
      </div>
      {draft && shown === null ? <FindingVersions versions={state.versions} shownId={null} onShow={(v) => void showVersion(v)} /> : null}
    </section>
  );
}

