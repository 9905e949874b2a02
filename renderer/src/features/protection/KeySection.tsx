/**
 * Databasenøgle: the key that opens the database and every backup. The desktop app keeps it only in
 * the Windows user's secret store, so without a copy in the municipality's password vault the verified
 * backups are lost with the PC or the profile. "Vis nøglen …" asks first (each reveal is recorded in
 * the audit log, electron/services/db-key-reveal.ts), then shows a raw key in blocks of 8 hex digits
 * for reading aloud, with "Kopiér" (the 64 digits without spaces, as OMBUD_DB_KEY takes them) and
 * "Skjul". A passphrase is never shown: IT gave it and has it already.
 */
import { useEffect, useRef, useState, type ClipboardEvent } from 'react';
import type { OutputOf } from '../../../../shared/ipc/contract';
import { send } from '../../api/client';
import { SectionFeedback } from '../settings/SectionFeedback';
import { useSectionAction } from '../settings/use-settings-action';

type Revealed = OutputOf<'security:reveal-key'>;

/** 64 hex digits as eight blocks of eight, the way they are read aloud over the phone. */
export function keyBlocks(hex: string): string[] {
  return hex.match(/.{1,8}/g) ?? [];
}

export function KeySection() {
  const [confirming, setConfirming] = useState(false);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const keyRef = useRef<HTMLElement>(null);
  const showRef = useRef<HTMLButtonElement>(null);
  const action = useSectionAction<Revealed>(setRevealed);
  // After "Skjul" or "Fortryd" focus goes back to "Vis nøglen …", which is rendered again only then.
  const [closed, setClosed] = useState(0);
  useEffect(() => { if (closed > 0) showRef.current?.focus(); }, [closed]);

  async function reveal() {
    setConfirming(false);
    setCopied(null);
    await action.run(() => send('security:reveal-key', {}), 'Nøglen vises. Visningen er skrevet i revisionssporet.');
  }

  function cancel() {
    setConfirming(false);
    setClosed((n) => n + 1);
  }

  function hide() {
    setRevealed(null);
    setCopied(null);
    action.clear();
    setClosed((n) => n + 1);
  }

  async function copy(hex: string) {
    try {
      await navigator.clipboard.writeText(hex);
      setCopied('Nøglen er kopieret.');
    } catch {
      // Without clipboard access the key is selected, so Ctrl+C copies it (without the spaces, see onCopy).
      const el = keyRef.current;
      if (el) window.getSelection()?.selectAllChildren(el);
      setCopied('Nøglen er markeret. Kopiér den med Ctrl+C.');
    }
  }

  /**
   * A key copied by hand leaves the reading spaces behind: with them OMBUD_DB_KEY would take it as a
   * passphrase. Listened for on the section, since the copy event goes to the focused element when
   * there is one; only a selection wholly inside the key is rewritten.
   */
  function onCopyKey(e: ClipboardEvent<HTMLElement>) {
    const sel = window.getSelection();
    const el = keyRef.current;
    if (!sel || !el || sel.isCollapsed || !el.contains(sel.anchorNode) || !el.contains(sel.focusNode)) return;
    e.clipboardData.setData('text/plain', sel.toString().replace(/\s+/g, ''));
    e.preventDefault();
  }

  return (
    <section id="databasenoegle" tabIndex={-1} className="form-section" aria-labelledby="databasenoegle-title" onCopy={onCopyKey}>
      <h2 id="databasenoegle-title">Databasenøgle</h2>
      <p>
        Databasen og alle sikkerhedskopier kan kun åbnes med denne nøgle, og på denne computer ligger den kun hos Windows-brugeren.
        IT-supporten skal derfor gemme en kopi i kommunens password-vault, så sikkerhedskopierne kan åbnes, hvis computeren går i stykker.
      </p>
      <p>
        På en anden computer gives nøglen til Ombud og <code>ombud restore</code> i miljøvariablen <code>OMBUD_DB_KEY</code>. I DB Browser
        for SQLite vælges SQLCipher 4 og rå nøgle, skrevet som <code>x'…'</code> med de 64 tegn.
      </p>

      {revealed === null && !confirming ? (
        <p>
          <button ref={showRef} type="button" className="button button--secondary" disabled={action.busy} onClick={() => setConfirming(true)}>
            Vis nøglen …
          </button>
        </p>
      ) : null}

      {confirming ? (
        <div role="alertdialog" aria-labelledby="key-confirm-title" aria-describedby="key-confirm-text" className="alert alert--warning"
          onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); cancel(); } }}>
          <h3 id="key-confirm-title">Vis databasenøglen?</h3>
          <p id="key-confirm-text">
            Med nøglen kan alle henvendelser læses. Det skrives i revisionssporet, at du har vist den. Vis den kun, når ingen uvedkommende kan se skærmen.
          </p>
          <button type="button" className="button" autoFocus onClick={() => void reveal()}>Vis nøglen</button>{' '}
          <button type="button" className="button button--secondary" onClick={cancel}>Fortryd</button>
        </div>
      ) : null}

      <SectionFeedback notice={action.notice} error={action.error} />

      {revealed?.kind === 'raw' ? (
        <div>
          <p id="key-label">Nøglen (64 tegn, læst op i blokke af 8):</p>
          <p>
            <code ref={keyRef} className="db-key" style={{ fontSize: '1.1rem', userSelect: 'all' }}>
              {keyBlocks(revealed.hex).join(' ')}
            </code>
          </p>
          <p>
            <button type="button" className="button button--secondary" autoFocus onClick={() => void copy(revealed.hex)}>Kopiér</button>{' '}
            <button type="button" className="button button--secondary" onClick={hide}>Skjul</button>
          </p>
          <div role="status" className="feedback">{copied ? <p className="alert alert--success">{copied}</p> : null}</div>
        </div>
      ) : null}

      {revealed?.kind === 'passphrase' ? (
        <div>
          <p>
            Nøglen er den adgangssætning, IT-supporten har givet i <code>OMBUD_DB_KEY</code> eller i filen, <code>OMBUD_DB_KEY_FILE</code> peger på.
            Ombud viser den ikke.
          </p>
          <p><button type="button" className="button button--secondary" autoFocus onClick={hide}>Skjul</button></p>
        </div>
      ) : null}
    </section>
  );
}
