/** The municipality's name, shown in the header and on documents. */
import { useState, type FormEvent } from 'react';
import { send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { TextField } from '../../components/Field';
import { SectionFeedback } from './SectionFeedback';
import { useSettingsAction } from './use-settings-action';

export function MunicipalitySection() {
  const { settings } = useAppData();
  const [name, setName] = useState(settings.municipalityName);
  const action = useSettingsAction();
  const [problem, setProblem] = useState<string | undefined>(undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim() === '') { setProblem('Skriv kommunens navn.'); return; }
    setProblem(undefined);
    await action.run(() => send('settings:set-municipality', { name: name.trim() }), 'Kommunens navn er gemt.');
  }

  return (
    <section className="form-section" aria-labelledby="set-municipality">
      <h2 id="set-municipality" tabIndex={-1}>Kommune</h2>
      <form onSubmit={(e) => void submit(e)} noValidate className="add-form">
        <TextField id="municipality-name" label="Kommunens navn" value={name} maxLength={120} error={problem} onChange={setName}
          after={<button type="submit" className="button button--secondary">Gem kommunens navn</button>} />
      </form>
      <SectionFeedback notice={action.notice} error={action.error} />
    </section>
  );
}
