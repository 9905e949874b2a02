/**
 * A rule's page: what it requires, its formal citation for letters, its deadline in words with whose
 * it is, sources, how well its facts are verified, the themes that suggest it, and every klagepunkt
 * that cites it. From here the adviser edits the rule (a shipped rule then stops following new
 * catalogue versions) and retires or restores it. A rule that cannot be recorded as breached
 * (background, or shipped and unverified: breachRefusal) says so, and is never suggested for themes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { breachRefusal } from '../../../../shared/domain/rule';
import type { OutputOf } from '../../../../shared/ipc/contract';
import { ApiError, errorMessage, send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { Page } from '../../components/Page';
import { draftFromRule } from './rule-draft';
import { RuleCitations } from './RuleCitations';
import { RuleFacts } from './RuleFacts';
import { RuleForm } from './RuleForm';
import { ruleHeading, isRetired } from './rule-text';
import { ThemeRuleLinks } from './ThemeRuleLinks';
import { VerificationMark } from './VerificationMark';

type Detail = OutputOf<'rules:get'>;
type Load = { state: 'loading' } | { state: 'error'; message: string; notFound: boolean } | { state: 'ready'; detail: Detail };

const SHIPPED_EDIT_WARNING =
  'Dette er en regel fra Ombuds regelkatalog. Når du retter den, bliver den ikke længere opdateret af nye versioner af kataloget.';

export function RuleScreen({ id }: Readonly<{ id: string }>) {
  const { today } = useAppData();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);

  const reload = useCallback(async () => {
    try {
      setLoad({ state: 'ready', detail: await send('rules:get', { id }) });
    } catch (e) {
      setLoad({ state: 'error', message: errorMessage(e), notFound: e instanceof ApiError && e.code === 'not_found' });
    }
  }, [id]);
  useEffect(() => { void reload(); }, [reload]);

  if (load.state === 'loading') return <Page title="Regel"><p role="status" className="muted">Henter reglen …</p></Page>;
  if (load.state === 'error') {
    return (
      <Page title={load.notFound ? 'Reglen findes ikke' : 'Reglen kunne ikke hentes'}>
        <p role="alert" className="alert alert--error">{load.message}</p>
        <p><a href="#/regler">Tilbage til reglerne</a></p>
      </Page>
    );
  }
  const { rule, citations, suggestedForThemeIds } = load.detail;
  const retired = isRetired(rule, today);
  const refusal = breachRefusal(rule);

  async function setRetired(value: boolean) {
    setNotice(null);
    setFailure(null);
    try {
      await send('rules:set-retired', { id, retired: value });
      await reload();
      setNotice(value ? 'Reglen er markeret som udgået. Den kan ikke længere vælges til nye klagepunkter.' : 'Reglen er taget i brug igen.');
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }

  return (
    <Page title={ruleHeading(rule)} wide>
      <p className="page-meta">
        <code>{rule.id}</code> · {rule.origin === 'own' ? 'Egen regel' : rule.edited ? 'Fra regelkataloget, rettet lokalt' : `Fra regelkataloget (version ${rule.catalogVersion ?? '–'})`}
        {retired ? <span className="tag tag--retired">udgået</span> : null}
        {rule.role === 'baggrund' ? <span className="tag">baggrund</span> : null}
        {' '}<VerificationMark verification={rule.verification} />
      </p>
      {refusal !== null ? (
        <div className="alert alert--warning" role="note" aria-label="Baggrund">
          <p>
            <strong>Baggrund.</strong> Reglen vises som baggrund og kan ikke registreres som »ikke overholdt« på et klagepunkt, og den henvises
            ikke til i breve.
          </p>
          <p>
            {rule.origin === 'own'
              ? 'Det er din egen regel: skift rollen til Retsregel under »Ret reglen«, hvis du vil bygge en kritik på den. Du står selv inde for, at den er gældende ret.'
              : 'Vil du bygge en kritik på normen, så opret en egen regel under Regler med din egen formulering og henvisning. En egen regel er dit ansvar: du står selv inde for, at den er gældende ret.'}
          </p>
        </div>
      ) : null}
      <p><a href="#/regler">Alle regler</a></p>
      <div role="status" className="status-line">{notice ? <span className="alert alert--success">{notice}</span> : null}</div>
      <div role="alert" className="feedback">{failure ? <p className="alert alert--error">{failure}</p> : null}</div>

      {editing ? (
        <section className="form-section" aria-labelledby="edit-rule-title">
          <h2 id="edit-rule-title">Ret reglen</h2>
          <RuleForm
            mode="edit"
            initial={draftFromRule(rule)}
            categories={[rule.category]}
            warning={rule.origin === 'shipped' ? SHIPPED_EDIT_WARNING : undefined}
            roleEditable={rule.origin === 'own'}
            onSave={async (input) => {
              const saved = await send('rules:update', { id, input });
              await reload();
              setEditing(false);
              setNotice('Reglen er gemt.');
              requestAnimationFrame(() => editButton.current?.focus());
              return saved;
            }}
            onCancel={() => { setEditing(false); requestAnimationFrame(() => editButton.current?.focus()); }}
          />
        </section>
      ) : (
        <>
          <RuleFacts rule={rule} />
          <div className="button-row">
            <button ref={editButton} type="button" className="button button--secondary" onClick={() => setEditing(true)}>Ret reglen</button>
            <button type="button" className="button button--secondary" onClick={() => void setRetired(!retired)}>
              {retired ? 'Tag reglen i brug igen' : 'Markér reglen som udgået'}
            </button>
          </div>
        </>
      )}

      {refusal === null ? <ThemeRuleLinks ruleId={rule.id} suggestedForThemeIds={suggestedForThemeIds} onChanged={reload} /> : null}
      <RuleCitations citations={citations} />
    </Page>
  );
}
