/**
 * Loading rules from the catalogue. `useRules` follows a query (the Regler screen searches as the
 * adviser types; an answer that arrives after a newer query was sent is dropped). `useRuleCatalog`
 * loads every rule once, retired ones too, so a klagepunkt that cites a retired rule still shows it.
 */
import { useEffect, useState } from 'react';
import type { Rule, RuleQuery } from '../../../../shared/domain/rule';
import { errorMessage, send } from '../../api/client';

export type RulesLoad = Readonly<{ rules: Rule[] | null; error: string | null }>;

export const ALL_RULES: RuleQuery = { search: '', lawShort: null, category: null, includeRetired: true };

export function useRules(query: RuleQuery, reloads = 0): RulesLoad {
  const [load, setLoad] = useState<RulesLoad>({ rules: null, error: null });
  const { search, lawShort, category, includeRetired } = query;
  useEffect(() => {
    let live = true;
    send('rules:list', { search, lawShort, category, includeRetired }).then(
      (rules) => { if (live) setLoad({ rules, error: null }); },
      (e: unknown) => { if (live) setLoad((l) => ({ rules: l.rules, error: errorMessage(e) })); },
    );
    return () => { live = false; };
  }, [search, lawShort, category, includeRetired, reloads]);
  return load;
}

export function useRuleCatalog(): RulesLoad {
  return useRules(ALL_RULES);
}
