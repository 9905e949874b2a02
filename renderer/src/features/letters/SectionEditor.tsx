/**
 * Editing one section of the finding: its text in the small markup (shared/letters/section-text.ts),
 * the phrase library's texts for this section beside it, each inserted at the cursor with one
 * keystroke (Alt+1 … Alt+9) or a click and then edited freely. The preview beside the editor follows
 * every keystroke (onDraft); Ctrl+S saves, Escape leaves (asking when something would be lost).
 */
import { useEffect, useRef, useState } from 'react';
import { FINDING_SECTION_TEXT_MAX } from '../../../../shared/letters/finding-state';
import type { Phrase } from '../../../../shared/letters/phrases';
import { setLeaveGuard } from '../../app/router';
import { ApiError, errorMessage } from '../../api/client';
import { TextAreaField } from '../../components/Field';

export type EditedSection = Readonly<{ key: string; label: string; edited: boolean; text: string }>;

const MAX_SHORTCUTS = 9;
/** How the letters' section markup is written (shared/letters/section-text.ts); also the Årsberetning editor's hint. */
export const SECTION_MARKUP_HINT =
  'Tom linje mellem afsnit. ## overskrift, **fed**, *kursiv*, "- " punktliste, "1. " nummereret liste, "> " henvisning til en regel.';
const MARKUP_HINT = `${SECTION_MARKUP_HINT} Alt+1 … Alt+9 indsætter en standardtekst.`;

/** The text with `insert` in place of the selection, and where the cursor goes after it. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; cursor: number } {
  return { text: text.slice(0, start) + insert + text.slice(end), cursor: start + insert.length };
}

export function SectionEditor({ section, phrases, parseProblem, onDraft, onSave, onCancel, onReset }: Readonly<{
  section: EditedSection;
  phrases: ReadonlyArray<Phrase>;
  /** The markup's own problem with the text as typed (null when it reads), shown at the field. */
  parseProblem: string | null;
  onDraft: (text: string) => void;
  onSave: (text: string) => Promise<void>;
  onCancel: () => void;
  onReset: () => Promise<void>;
}>) {
  const [text, setText] = useState(section.text);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const id = `finding-section-${section.key}`;

  useEffect(() => { area.current?.focus(); }, []);
  // Leaving the case page or the tab with unsaved text asks first, like every form of the case page.
  useEffect(() => {
    setLeaveGuard(() => text !== section.text);
    return () => setLeaveGuard(null);
  }, [text, section.text]);

  function change(next: string) {
    setText(next);
    setError(null);
    onDraft(next);
  }

  function insertPhrase(p: Phrase) {
    const el = area.current;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const { text: next, cursor } = insertAt(text, start, end, p.text);
    change(next);
    // After React has put the new text in the field: the cursor after the phrase, ready to edit it.
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(cursor, cursor);
    });
  }

  async function save() {
    if (busy) return;
    setBusy(true);
    try {
      await onSave(text);
    } catch (e) {
      setError(e instanceof ApiError && e.fields.text !== undefined ? e.fields.text : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function cancel() {
    if (text !== section.text && !window.confirm('Vil du kassere dine ændringer i afsnittet?')) return;
    onCancel();
  }

  async function reset() {
    if (!window.confirm(`Vil du gendanne den automatiske tekst i «${section.label}»? Din egen tekst i afsnittet slettes.`)) return;
    setBusy(true);
    try {
      await onReset();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLTextAreaElement>) {
    const digit = /^Digit([1-9])$/u.exec(e.nativeEvent.code)?.[1];
    if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && digit !== undefined) {
      // Here Alt+digit inserts a phrase; the app's navigation (Alt+1 …) waits until the editor is left.
      e.preventDefault();
      e.stopPropagation();
      const p = phrases[Number(digit) - 1];
      if (p !== undefined) insertPhrase(p);
      return;
    }
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 's' || e.key === 'S')) {
      e.preventDefault();
      e.stopPropagation();
      void save();
      return;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    }
  }

  const shown = error ?? parseProblem ?? undefined;
  return (
    <div className="section-editor" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="section-editor-title">Rediger: {section.label}</h3>
      <TextAreaField
        id={id}
        label="Afsnittets tekst"
        hint={MARKUP_HINT}
        value={text}
        onChange={change}
        onKeyDown={onKeyDown}
        textareaRef={area}
        rows={14}
        limit={FINDING_SECTION_TEXT_MAX}
        error={shown}
        spellCheck
      />
      <div className="button-row">
        <button type="button" className="button" aria-disabled={busy || undefined} aria-keyshortcuts="Control+S" onClick={() => void save()}>Gem afsnit</button>
        <button type="button" className="button button--secondary" aria-keyshortcuts="Escape" onClick={cancel}>Annullér</button>
        {section.edited ? <button type="button" className="button button--secondary" onClick={() => void reset()}>Gendan automatisk tekst</button> : null}
      </div>
      <section className="phrase-list" aria-labelledby={`${id}-phrases`}>
        <h4 id={`${id}-phrases`}>Standardtekster</h4>
        {phrases.length === 0 ? <p className="muted">Der er ingen standardtekster til dette afsnit. De oprettes under Indstillinger.</p> : (
          <ol>
            {phrases.map((p, i) => {
              const key = i < MAX_SHORTCUTS ? `Alt+${i + 1}` : null;
              return (
                <li key={p.id}>
                  <button type="button" className="button button--secondary button--small phrase-insert" aria-keyshortcuts={key ?? undefined}
                    onClick={() => insertPhrase(p)} title={p.text}>
                    {key !== null ? <kbd>{key}</kbd> : null} {p.title}
                  </button>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}
