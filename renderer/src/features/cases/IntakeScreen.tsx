/**
 * Ny henvendelse. The draft lives in the app shell, so leaving the screen mid-call and coming back
 * keeps what was typed; it is cleared after a successful save, which opens the new case, or when the
 * adviser discards it ("Kassér kladde", after a confirmation).
 * The citizen's klagefrist is part of intake: when and how the decision was notified is checked
 * live (`klagefrist:check`) and stored with `klagefrist:set` once the henvendelse exists.
 */
import { useEffect, useState } from 'react';
import type { CaseInput } from '../../../../shared/domain/case';
import { ApiError, send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { navigate } from '../../app/router';
import { parseDateField } from '../../components/DateField';
import { Page } from '../../components/Page';
import { KlagefristIntake } from '../deadlines/KlagefristIntake';
import { toNotice, type NoticeDraft } from '../deadlines/notice-draft';
import type { CaseDraft } from './case-draft';
import { CaseForm } from './CaseForm';

export function IntakeScreen({ draft, onDraftChange, notice, onNoticeChange, onCreated, onDiscard }: Readonly<{
  draft: CaseDraft;
  onDraftChange: (d: CaseDraft | ((prev: CaseDraft) => CaseDraft)) => void;
  notice: NoticeDraft;
  onNoticeChange: (n: NoticeDraft) => void;
  onCreated: () => void;
  /** Empties the draft (and the klagefrist with it). */
  onDiscard: () => void;
}>) {
  const { settings, today } = useAppData();
  // A discarded draft starts the form afresh: its errors, focus and sagsnr preview included.
  const [generation, setGeneration] = useState(0);

  function discard() {
    if (!window.confirm('Vil du kassere kladden? Alt, hvad du har skrevet om henvendelsen, slettes.')) return;
    onDiscard();
    setGeneration((g) => g + 1);
  }
  const received = parseDateField(draft.receivedOnText);
  const receivedIso = received === null || received === 'invalid' ? null : received;

  // The sagsnr preview follows the year of receipt until the adviser types their own number.
  useEffect(() => {
    if (!draft.sagsnrIsPreview || receivedIso === null) return;
    let live = true;
    send('cases:next-sagsnr', { receivedOn: receivedIso }).then(
      ({ sagsnr }) => {
        if (live) onDraftChange((d) => (d.sagsnrIsPreview ? { ...d, sagsnr } : d));
      },
      // Without a preview the field stays empty and the backend still assigns the number on save.
      () => undefined,
    );
    return () => { live = false; };
  }, [draft.sagsnrIsPreview, receivedIso, onDraftChange, generation]);

  async function save(input: CaseInput) {
    const checked = toNotice(notice, today);
    const problems = Object.entries(checked.errors);
    if (problems.length > 0) {
      // Shown in the form's error summary like any other field; nothing is created.
      throw new ApiError('validation', 'Henvendelsen er ikke gemt. Ret de markerede felter.',
        Object.fromEntries(problems.map(([k, v]) => [`klagefrist.${k}`, v])));
    }
    const created = await send('cases:create', { input });
    if (checked.notice !== null) {
      // The check above used the same input, so this is not expected to fail; if it does, the case
      // page shows the klagefrist as not registered and the adviser enters it there.
      await send('klagefrist:set', { caseId: created.id, notice: checked.notice }).catch(() => undefined);
    }
    onCreated();
    navigate({ name: 'case', id: created.id });
  }

  return (
    <Page title="Ny henvendelse" focusHeading={false}>
      <CaseForm key={generation} mode="create" draft={draft} onDraftChange={onDraftChange} settings={settings} today={today} onSave={save} autoFocusName
        afterReceipt={(errors) => (
          <KlagefristIntake value={notice} onChange={onNoticeChange} today={today}
            errors={Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith('klagefrist.')).map(([k, v]) => [k.slice('klagefrist.'.length), v]))} />
        )} />
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={discard}>Kassér kladde</button>
      </div>
    </Page>
  );
}
