/**
 * Ny henvendelse. The draft lives in the app shell, so leaving the screen mid-call and coming back
 * keeps what was typed; it is cleared only after a successful save, which opens the new case.
 */
import { useEffect } from 'react';
import type { CaseInput } from '../../../../shared/domain/case';
import { send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { navigate } from '../../app/router';
import { parseDateField } from '../../components/DateField';
import { Page } from '../../components/Page';
import type { CaseDraft } from './case-draft';
import { CaseForm } from './CaseForm';

export function IntakeScreen({ draft, onDraftChange, onCreated }: Readonly<{
  draft: CaseDraft;
  onDraftChange: (d: CaseDraft | ((prev: CaseDraft) => CaseDraft)) => void;
  onCreated: () => void;
}>) {
  const { settings, today } = useAppData();
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
  }, [draft.sagsnrIsPreview, receivedIso, onDraftChange]);

  async function save(input: CaseInput) {
    const created = await send('cases:create', { input });
    onCreated();
    navigate({ name: 'case', id: created.id });
  }

  return (
    <Page title="Ny henvendelse" focusHeading={false}>
      <CaseForm mode="create" draft={draft} onDraftChange={onDraftChange} settings={settings} today={today} onSave={save} autoFocusName />
    </Page>
  );
}
