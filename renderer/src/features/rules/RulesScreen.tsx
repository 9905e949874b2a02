/**
 * Regler: the rule catalogue by law and category, searched as the adviser types ("/" focuses the
 * search), retired rules only on request, and "Ny regel" for the adviser's own rules. Each row
 * carries the "ikke fuldt verificeret" mark when the rule's facts are not fully checked. Rules
 * that cannot be recorded as breached (background, or shipped and unverified: breachRefusal) are
 * listed apart under "Baggrund".
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { breachRefusal, type Rule } from '../../../../shared/domain/rule';
import { send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { navigate } from '../../app/router';
import { CheckboxField, SelectField, TextField, type Option } from '../../components/Field';
import { Page } from '../../components/Page';
import { emptyRuleDraft } from './rule-draft';
import { RuleForm } from './RuleForm';
import { RulesTable } from './RulesTable';
import { useRuleCatalog, useRules } from './use-rules';
import { SEARCH_SHORTCUT_HINT } from '../../components/search-shortcut';

function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b, 'da-DK'));
}

export function RulesScreen() {
  const { today } = useAppData();
  const [search, setSearch] = useState('');
  const [lawShort, setLawShort] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [includeRetired, setIncludeRetired] = useState(false);
  const [creating, setCreating] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  // The whole catalogue gives the filter options; the query gives the rows.
  const catalog = useRuleCatalog();
  const { rules, error } = useRules({ search: search.trim(), lawShort, category, includeRetired });

  const laws = useMemo(() => distinct((catalog.rules ?? []).map((r) => r.lawShort)), [catalog.rules]);
  const categories = useMemo(
    () => distinct((catalog.rules ?? []).filter((r) => lawShort === null || r.lawShort === lawShort).map((r) => r.category)),
    [catalog.rules, lawShort],
  );
  const lawOptions: Option[] = [{ value: '', label: 'Alle love' }, ...laws.map((l) => ({ value: l, label: l }))];
  const categoryOptions: Option[] = [{ value: '', label: 'Alle kategorier' }, ...categories.map((c) => ({ value: c, label: c }))];

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const t = e.target as HTMLElement | null;
      const typing = t !== null && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT');
      if (e.key === '/' && !typing && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const count = rules === null ? 'Henter regler …' : rules.length === 1 ? '1 regel' : `${rules.length} regler`;
  const norms = (rules ?? []).filter((r) => breachRefusal(r) === null);
  const background = (rules ?? []).filter((r) => breachRefusal(r) !== null);

  return (
    <Page title="Regler" wide actions={creating ? null : (
      <button ref={newButton} type="button" className="button" onClick={() => setCreating(true)}>Ny regel</button>
    )}>
      {creating ? (
        <section className="form-section" aria-labelledby="new-rule-title">
          <h2 id="new-rule-title">Ny regel</h2>
          <RuleForm
            mode="create"
            initial={emptyRuleDraft()}
            categories={distinct((catalog.rules ?? []).map((r) => r.category))}
            onSave={async (input) => {
              const rule: Rule = await send('rules:create', { input });
              navigate({ name: 'rule', id: rule.id });
              return rule;
            }}
            onCancel={() => { setCreating(false); requestAnimationFrame(() => newButton.current?.focus()); }}
          />
        </section>
      ) : null}
      <div role="search" className="filters" aria-label="Filtrér regler">
        <TextField id="rules-search" label="Søg" type="search" width="m" value={search} inputRef={searchRef}
          hint={`Id, paragraf eller titel. ${SEARCH_SHORTCUT_HINT}`} onChange={setSearch} />
        <SelectField id="rules-law" label="Lov" width="s" value={lawShort ?? ''} options={lawOptions}
          onChange={(v) => { setLawShort(v === '' ? null : v); setCategory(null); }} />
        <SelectField id="rules-category" label="Kategori" width="m" value={category ?? ''} options={categoryOptions}
          onChange={(v) => setCategory(v === '' ? null : v)} />
        <CheckboxField id="rules-retired" label="Vis udgåede" checked={includeRetired} onChange={setIncludeRetired} />
      </div>
      {error ? <p role="alert" className="alert alert--error">{error}</p> : null}
      <p role="status" className="result-count">{count}</p>
      {rules !== null && rules.length === 0 ? <p className="empty-state">Ingen regler matcher søgningen og filtrene.</p> : null}
      {norms.length > 0 ? <RulesTable rules={norms} today={today} /> : null}
      {background.length > 0 ? (
        <section className="rules-background" aria-labelledby="rules-background-title">
          <h2 id="rules-background-title">Baggrund</h2>
          <p className="field-hint">
            Regler, der kun beskriver baggrund eller indholdet af afgørelser, eller som ikke er verificeret: de kan ikke registreres som »ikke overholdt«.
          </p>
          <RulesTable rules={background} today={today} label="Baggrundsregler" />
        </section>
      ) : null}
    </Page>
  );
}
