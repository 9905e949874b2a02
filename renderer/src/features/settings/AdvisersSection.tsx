/**
 * Rådgivere: who works in the office, and who is using this installation now (the "aktuel
 * rådgiver" is the name the history records for every change).
 */
import { useRef, useState, type FormEvent } from 'react';
import { adviserTitleProblem, catalogNameProblem, type Adviser } from '../../../../shared/domain/settings';
import { send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { SelectField, TextField } from '../../components/Field';
import { ActionButton } from './EntryRow';
import { SectionFeedback } from './SectionFeedback';
import { useSettingsAction, type SettingsAction } from './use-settings-action';

type AdviserFields = { name: string; initials: string; email: string; title: string };

const TITLE_LABEL = 'Titel (under underskriften)';
const TITLE_HINT = 'Står under navnet i udtalelser og breve. Tom: Borgerrådgiver.';

function AdviserRow({ adviser, action, onDeleted }: Readonly<{ adviser: Adviser; action: SettingsAction; onDeleted: () => void }>) {
  const [editing, setEditing] = useState(false);
  const [fields, setFields] = useState<AdviserFields>({ name: adviser.name, initials: adviser.initials, email: adviser.email, title: adviser.title });
  const [titleProblem, setTitleProblem] = useState<string | undefined>(undefined);
  const target = `rådgiveren ${adviser.name}`;
  const base = `adviser-${adviser.id}`;

  async function save(e: FormEvent) {
    e.preventDefault();
    const tp = adviserTitleProblem(fields.title) ?? undefined;
    setTitleProblem(tp);
    if (tp) return;
    const ok = await action.run(
      () => send('catalog:update-adviser', { id: adviser.id, name: fields.name.trim(), initials: fields.initials.trim(), email: fields.email.trim(), title: fields.title.trim() }),
      `Rådgiveren ${fields.name.trim()} er gemt.`,
    );
    if (ok) setEditing(false);
  }

  return (
    <li className={`entry${adviser.retired ? ' entry--retired' : ''}`}>
      {editing ? (
        <form className="entry-edit" onSubmit={(e) => void save(e)} noValidate
          onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); setEditing(false); } }}>
          <TextField id={`${base}-name`} label={`Navn på ${target}`} width="m" value={fields.name} maxLength={120} onChange={(name) => setFields({ ...fields, name })} />
          <TextField id={`${base}-initials`} label={`Initialer for ${target}`} width="xs" value={fields.initials} maxLength={10} onChange={(initials) => setFields({ ...fields, initials })} />
          <TextField id={`${base}-email`} label={`E-mail for ${target}`} type="email" width="m" value={fields.email} maxLength={200} onChange={(email) => setFields({ ...fields, email })} />
          <TextField id={`${base}-title`} label={`${TITLE_LABEL} for ${target}`} hint={TITLE_HINT} width="m" value={fields.title} error={titleProblem}
            onChange={(title) => { setFields({ ...fields, title }); setTitleProblem(undefined); }} />
          <div className="button-row">
            <button type="submit" className="button button--small" aria-label={`Gem: ${target}`}>Gem</button>
            <ActionButton verb="Annullér" target={`redigering af ${target}`} onClick={() => setEditing(false)} />
          </div>
        </form>
      ) : (
        <div className="entry-line">
          <span className="entry-name">
            {adviser.name}
            {adviser.initials ? <span className="muted"> ({adviser.initials})</span> : null}
            {adviser.email ? <span className="muted"> · {adviser.email}</span> : null}
            <span className="muted"> · {adviser.title}</span>
            {adviser.retired ? <span className="tag tag--retired">udgået</span> : null}
            {adviser.inUse ? <span className="tag">i brug</span> : null}
          </span>
          <span className="entry-actions">
            <ActionButton verb="Redigér" target={target} onClick={() => {
              setFields({ name: adviser.name, initials: adviser.initials, email: adviser.email, title: adviser.title });
              setTitleProblem(undefined);
              setEditing(true);
            }} />
            {adviser.retired ? (
              <ActionButton verb="Tag i brug igen" target={target} onClick={() => void action.run(
                () => send('catalog:set-retired', { kind: 'adviser', id: adviser.id, retired: false }), `Rådgiveren ${adviser.name} er taget i brug igen.`)} />
            ) : (
              <ActionButton verb="Markér som udgået" target={target} onClick={() => void action.run(
                () => send('catalog:set-retired', { kind: 'adviser', id: adviser.id, retired: true }), `Rådgiveren ${adviser.name} er markeret som udgået.`)} />
            )}
            <ActionButton verb="Slet" target={target} onClick={() => void action.run(
              () => send('catalog:delete', { kind: 'adviser', id: adviser.id }), `Rådgiveren ${adviser.name} er slettet.`).then((ok) => { if (ok) onDeleted(); })} />
          </span>
        </div>
      )}
    </li>
  );
}

export function AdvisersSection() {
  const { settings } = useAppData();
  const action = useSettingsAction();
  const [fields, setFields] = useState<AdviserFields>({ name: '', initials: '', email: '', title: '' });
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [titleProblem, setTitleProblem] = useState<string | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    const p = catalogNameProblem(fields.name) ?? undefined;
    const tp = adviserTitleProblem(fields.title) ?? undefined;
    setProblem(p);
    setTitleProblem(tp);
    if (p || tp) return;
    const ok = await action.run(
      () => send('catalog:add', { kind: 'adviser', name: fields.name.trim(), parentId: null, initials: fields.initials.trim(), email: fields.email.trim(), title: fields.title.trim() }),
      `Rådgiveren ${fields.name.trim()} er tilføjet.`,
    );
    if (ok) setFields({ name: '', initials: '', email: '', title: '' });
  }

  const currentOptions = [
    { value: '', label: 'Ingen valgt (computerens brugernavn bruges)' },
    ...settings.advisers.filter((a) => !a.retired || a.id === settings.currentAdviserId).map((a) => ({ value: String(a.id), label: a.name })),
  ];

  return (
    <section className="form-section" aria-labelledby="set-advisers">
      <h2 id="set-advisers" ref={heading} tabIndex={-1}>Rådgivere</h2>
      <SelectField
        id="current-adviser"
        label="Aktuel rådgiver"
        hint="Den, der bruger Ombud nu. Navnet skrives i historikken ved hver ændring."
        width="m"
        value={settings.currentAdviserId === null ? '' : String(settings.currentAdviserId)}
        options={currentOptions}
        onChange={(v) => {
          const adviserId = v === '' ? null : Number(v);
          const who = settings.advisers.find((a) => a.id === adviserId)?.name;
          void action.run(() => send('settings:set-current-adviser', { adviserId }), who ? `${who} er nu aktuel rådgiver.` : 'Ingen aktuel rådgiver valgt.');
        }}
      />
      <SectionFeedback notice={action.notice} error={action.error} />
      {settings.advisers.length === 0 ? <p className="muted">Der er ingen rådgivere endnu.</p> : (
        <ul className="entry-list" aria-label="Rådgivere">
          {settings.advisers.map((a) => <AdviserRow key={a.id} adviser={a} action={action} onDeleted={() => heading.current?.focus()} />)}
        </ul>
      )}
      <form className="add-form add-form--adviser" onSubmit={(e) => void add(e)} noValidate>
        <h3>Tilføj rådgiver</h3>
        <div className="form-grid">
          <TextField id="new-adviser-name" label="Rådgiverens navn" width="m" value={fields.name} maxLength={120} error={problem}
            onChange={(name) => { setFields({ ...fields, name }); setProblem(undefined); }} />
          <TextField id="new-adviser-initials" label="Initialer" width="xs" value={fields.initials} maxLength={10}
            onChange={(initials) => setFields({ ...fields, initials })} />
          <TextField id="new-adviser-email" label="Rådgiverens e-mail" type="email" width="m" value={fields.email} maxLength={200}
            onChange={(email) => setFields({ ...fields, email })} />
          <TextField id="new-adviser-title" label={TITLE_LABEL} hint={TITLE_HINT} width="m" value={fields.title} error={titleProblem}
            onChange={(title) => { setFields({ ...fields, title }); setTitleProblem(undefined); }} />
        </div>
        <button type="submit" className="button button--secondary">Tilføj rådgiver</button>
      </form>
    </section>
  );
}
