/** Rules for renderer tests: the adviser's own rules, so a test does not depend on catalogue wording. */
import type { RuleInput } from '../../shared/domain/rule';
import type { RealApi } from './real-api';

export function ownRuleInput(overrides: Partial<RuleInput> = {}): RuleInput {
  return {
    id: 'kom-svarpolitik',
    lawShort: 'KOM',
    lawFull: 'Kommunens svarpolitik',
    paragraph: 'Svarpolitik, pkt. 2',
    title: 'Svar på henvendelser inden 10 arbejdsdage',
    summary: 'Kommunen svarer på skriftlige henvendelser inden 10 arbejdsdage.',
    category: 'Svarfrister',
    citation: '',
    role: 'norm',
    deadline: { amount: 10, unit: 'arbejdsdage', text: '', from: 'kommunens modtagelse af henvendelsen', rollForward: true, owner: 'maal', owes: 'et svar på henvendelsen' },
    sources: ['https://www.example.dk/svarpolitik'],
    verification: 'partial',
    note: 'Kun kontrolleret mod den trykte udgave.',
    ...overrides,
  };
}

export async function createOwnRule(real: RealApi, overrides: Partial<RuleInput> = {}) {
  return real.call('rules:create', { input: ownRuleInput(overrides) });
}

export async function themeId(real: RealApi, name: string): Promise<number> {
  const t = (await real.call('settings:get', {})).themes.find((x) => x.name === name);
  if (!t) throw new Error(`temaet ${name} findes ikke i standardopsætningen`);
  return t.id;
}

export async function forvaltningId(real: RealApi, name: string): Promise<number> {
  const f = (await real.call('settings:get', {})).forvaltninger.find((x) => x.name === name);
  if (!f) throw new Error(`forvaltningen ${name} findes ikke i standardopsætningen`);
  return f.id;
}
