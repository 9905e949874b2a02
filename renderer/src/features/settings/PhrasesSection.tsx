/**
 * Standardtekster: the phrase library the adviser inserts into a finding (shared/letters/phrases.ts),
 * grouped as the finding offers it – general phrases, per outcome of a klagepunkt, per rule. Each
 * phrase is edited inline (Escape cancels), moved up or down within its group, and deleted after a
 * confirmation; a new one is filed under a scope and then an outcome or a rule of the catalogue.
 * Every refusal is shown next to its field, in the validator's words (the backend says the same).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ruleHeading, type Rule } from '../../../../shared/domain/rule';
import { Outcome, type OutcomeCode } from '../../../../shared/domain/vocab';
import {
  PHRASE_SCOPE_LABEL, PHRASE_TEXT_MAX, phraseProblems, type Phrase, type PhraseInput, type PhraseProblems, type PhraseScope,
} from '../../../../shared/letters/phrases';
import { errorMessage, send } from '../../api/client';
import { SelectField, TextAreaField, TextField, type Option } from '../../components/Field';
import { useRuleCatalog } from '../rules/use-rules';
import { ActionButton } from './EntryRow';
import { SectionFeedback } from './SectionFeedback';
import { useSectionAction, type SectionAction } from './use-settings-action';

type Group = Readonly<{ key: string | null; heading: string; phrases: Phrase[] }>;

function ruleName(rules: ReadonlyArray<Rule> | null, id: string): string {
  const rule = rules?.find((r) => r.id === id);
  return rule ? ruleHeading(rule) : id;
}

/** The library in its groups, in the order the list gives (general, outcomes in grade order, rules). */
function groupsOf(phrases: ReadonlyArray<Phrase>, scope: PhraseScope, rules: ReadonlyArray<Rule> | null): Group[] {
  const mine = phrases.filter((p) => p.scope === scope);
  if (scope === 'generel') return mine.length === 0 ? [] : [{ key: null, heading: PHRASE_SCOPE_LABEL.generel, phrases: mine }];
  const keys = [...new Set(mine.map((p) => p.key as string))];
  if (scope === 'udfald') keys.sort((a, b) => Outcome.codes.indexOf(a as OutcomeCode) - Outcome.codes.indexOf(b as OutcomeCode));
  return keys.map((key) => ({
    key,
    heading: scope === 'udfald' ? Outcome.label(key as OutcomeCode) : ruleName(rules, key),
    phrases: mine.filter((p) => p.key === key),
  }));
}

function PhraseRow({ phrase, first, last, action, onFocusLost }: Readonly<{
  phrase: Phrase;
  first: boolean;
  last: boolean;
  action: SectionAction<Phrase[]>;
  onFocusLost: () => void;
}>) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(phrase.title);
  const [text, setText] = useState(phrase.text);
  const [problems, setProblems] = useState<PhraseProblems>({});
  const target = `standardteksten ${phrase.title}`;
  const base = `phrase-${phrase.id}`;

  function focusSoon(id: string) {
    requestAnimationFrame(() => document.getElementById(id)?.focus());
  }

  function stop() {
    setEditing(false);
    setProblems({});
    focusSoon(`${base}-edit`);
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    const input: PhraseInput = { scope: phrase.scope, key: phrase.key, title, text };
    const p = phraseProblems(input);
    setProblems(p);
    if (Object.keys(p).length > 0) return;
    const ok = await action.run(() => send('phrases:save', { id: phrase.id, ...input }), `Standardteksten ${title.trim()} er gemt.`);
    if (ok) stop();
  }

  async function move(direction: 'op' | 'ned') {
    const ok = await action.run(() => send('phrases:move', { id: phrase.id, direction }), `Standardteksten ${phrase.title} er flyttet ${direction}.`);
    // The row moved; focus follows it (to the other button when this one is now disabled at the end).
    if (ok) requestAnimationFrame(() => {
      const same = document.getElementById(`${base}-${direction}`) as HTMLButtonElement | null;
      (same && !same.disabled ? same : document.getElementById(`${base}-${direction === 'op' ? 'ned' : 'op'}`))?.focus();
    });
  }

  async function remove() {
    if (!window.confirm(`Vil du slette standardteksten »${phrase.title}«? Den kan ikke hentes igen, men teksten står i historikken.`)) return;
    if (await action.run(() => send('phrases:delete', { id: phrase.id }), `Standardteksten ${phrase.title} er slettet.`)) onFocusLost();
  }

  const backend = action.fieldErrors;
  if (editing) {
    return (
      <li className="entry phrase">
        <form className="entry-edit" onSubmit={(e) => void save(e)} noValidate aria-label={`Redigér ${target}`}
          onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); stop(); } }}>
          <TextField id={`${base}-title`} label="Overskrift" width="l" value={title} error={problems.title ?? backend['title']}
            onChange={(v) => { setTitle(v); setProblems({ ...problems, title: undefined }); }} />
          <TextAreaField id={`${base}-text`} label="Tekst" rows={5} limit={PHRASE_TEXT_MAX} value={text} error={problems.text ?? backend['text']}
            onChange={(v) => { setText(v); setProblems({ ...problems, text: undefined }); }} />
          <div className="button-row">
            <button type="submit" className="button button--small" aria-label={`Gem: ${target}`}>Gem</button>
            <ActionButton verb="Annullér" target={`redigering af ${target}`} onClick={stop} />
          </div>
        </form>
      </li>
    );
  }
  return (
    <li className="entry phrase">
      <div className="entry-line">
        <span className="entry-name">{phrase.title}</span>
        <span className="entry-actions">
          <button id={`${base}-edit`} type="button" className="button button--small button--secondary" aria-label={`Redigér: ${target}`}
            onClick={() => { setTitle(phrase.title); setText(phrase.text); setProblems({}); setEditing(true); focusSoon(`${base}-title`); }}>Redigér</button>
          <button id={`${base}-op`} type="button" className="button button--small button--secondary" aria-label={`Flyt op: ${target}`} disabled={first}
            onClick={() => void move('op')}>Flyt op</button>
          <button id={`${base}-ned`} type="button" className="button button--small button--secondary" aria-label={`Flyt ned: ${target}`} disabled={last}
            onClick={() => void move('ned')}>Flyt ned</button>
          <ActionButton verb="Slet" target={target} onClick={() => void remove()} />
        </span>
      </div>
      <p className="phrase-text">{phrase.text}</p>
    </li>
  );
}

const SCOPE_OPTIONS: Option[] = [
  { value: 'generel', label: 'Generel (alle afsnit)' },
  { value: 'udfald', label: 'Et udfald' },
  { value: 'regel', label: 'En regel' },
];

function AddPhraseForm({ rules, onValue }: Readonly<{ rules: ReadonlyArray<Rule> | null; onValue: (list: Phrase[]) => void }>) {
  // Its own action: the backend's field messages belong to this form, not to a phrase being edited.
  const action = useSectionAction<Phrase[]>(onValue);
  const empty: PhraseInput = { scope: 'generel', key: null, title: '', text: '' };
  const [input, setInput] = useState<PhraseInput>(empty);
  const [problems, setProblems] = useState<PhraseProblems>({});
  const backend = action.fieldErrors;

  const keyOptions: Option[] = input.scope === 'udfald'
    ? [{ value: '', label: 'Vælg udfald' }, ...Outcome.entries.map((e) => ({ value: e.code, label: e.label }))]
    : [{ value: '', label: rules === null ? 'Henter reglerne …' : 'Vælg regel' },
      ...(rules ?? []).filter((r) => r.validTo === null).map((r) => ({ value: r.id, label: ruleHeading(r) }))];

  async function add(e: FormEvent) {
    e.preventDefault();
    const p = phraseProblems(input);
    setProblems(p);
    if (Object.keys(p).length > 0) {
      document.getElementById(p.key ? 'new-phrase-key' : p.title ? 'new-phrase-title' : 'new-phrase-text')?.focus();
      return;
    }
    if (await action.run(() => send('phrases:save', { id: null, ...input }), `Standardteksten ${input.title.trim()} er tilføjet.`)) {
      setInput({ ...empty, scope: input.scope, key: input.key });
    }
  }

  return (
    <form className="add-form add-form--phrase" onSubmit={(e) => void add(e)} noValidate aria-labelledby="new-phrase-heading">
      <h3 id="new-phrase-heading">Tilføj standardtekst</h3>
      <div className="form-grid">
        <SelectField id="new-phrase-scope" label="Hører til" width="m" value={input.scope} options={SCOPE_OPTIONS}
          onChange={(v) => { setInput({ ...input, scope: v as PhraseScope, key: null }); setProblems({ ...problems, key: undefined }); }} />
        {input.scope === 'generel' ? null : (
          <SelectField id="new-phrase-key" label={input.scope === 'udfald' ? 'Udfald' : 'Regel'} width="l" value={input.key ?? ''} options={keyOptions}
            error={problems.key ?? backend['key']} onChange={(v) => { setInput({ ...input, key: v === '' ? null : v }); setProblems({ ...problems, key: undefined }); }} />
        )}
      </div>
      <TextField id="new-phrase-title" label="Overskrift" hint="Den korte betegnelse, som teksten vælges efter." width="l" value={input.title}
        error={problems.title ?? backend['title']} onChange={(title) => { setInput({ ...input, title }); setProblems({ ...problems, title: undefined }); }} />
      <TextAreaField id="new-phrase-text" label="Tekst" hint="Sættes ind i udtalelsen, hvor den kan rettes frit. Skriv … dér, hvor sagens egne ord skal ind." rows={4}
        limit={PHRASE_TEXT_MAX} value={input.text} error={problems.text ?? backend['text']}
        onChange={(text) => { setInput({ ...input, text }); setProblems({ ...problems, text: undefined }); }} />
      <button type="submit" className="button button--secondary">Tilføj standardtekst</button>
      <SectionFeedback notice={action.notice} error={action.error} />
    </form>
  );
}

export function PhrasesSection() {
  const [phrases, setPhrases] = useState<Phrase[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const catalog = useRuleCatalog();
  const heading = useRef<HTMLHeadingElement>(null);
  const onValue = useCallback((list: Phrase[]) => setPhrases(list), []);
  const action = useSectionAction<Phrase[]>(onValue);

  useEffect(() => {
    let live = true;
    send('phrases:list', {}).then(
      (list) => { if (live) setPhrases(list); },
      (e: unknown) => { if (live) setLoadError(errorMessage(e)); },
    );
    return () => { live = false; };
  }, []);

  const scopes = useMemo(
    () => (['generel', 'udfald', 'regel'] as const).map((scope) => ({ scope, groups: groupsOf(phrases ?? [], scope, catalog.rules) })),
    [phrases, catalog.rules],
  );

  return (
    <section className="form-section" aria-labelledby="set-phrases">
      <h2 id="set-phrases" ref={heading} tabIndex={-1}>Standardtekster</h2>
      <p className="muted">Tekster, der kan sættes ind i en udtalelse med ét tastetryk og derefter rettes frit: efter klagepunktets udfald, efter de regler, det er vurderet efter, og generelle.</p>
      <SectionFeedback notice={action.notice} error={action.error ?? loadError} />
      {phrases === null ? (loadError ? null : <p className="muted">Henter standardteksterne …</p>) : scopes.map(({ scope, groups }) => (
        <div key={scope} className="phrase-scope">
          <h3>{PHRASE_SCOPE_LABEL[scope]}</h3>
          {groups.length === 0 ? <p className="muted">Ingen standardtekster endnu.</p> : groups.map((g) => (
            <div key={g.key ?? scope} className="phrase-group">
              {scope === 'generel' ? null : <h4>{g.heading}</h4>}
              <ul className="entry-list" aria-label={scope === 'generel' ? 'Generelle standardtekster' : `Standardtekster: ${g.heading}`}>
                {g.phrases.map((p, i) => (
                  <PhraseRow key={p.id} phrase={p} first={i === 0} last={i === g.phrases.length - 1} action={action} onFocusLost={() => heading.current?.focus()} />
                ))}
              </ul>
            </div>
          ))}
        </div>
      ))}
      <AddPhraseForm rules={catalog.rules} onValue={onValue} />
    </section>
  );
}
