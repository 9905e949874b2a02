/**
 * The standard wording of a finding (udtalelse), in one place so a later phrase library can override
 * any of it without touching how the letter is built (finding-draft.ts). Every text is the adviser's
 * own words about the law (legal-rules.md); nothing here quotes a web page.
 */
import type { OutcomeCode } from '../domain/vocab';
import { NOT_FULLY_VERIFIED } from '../domain/rule';

export type FindingPhrases = Readonly<{
  title: string;
  opening: (o: { receivedOn: string; summary: string }) => string;
  complaintHeading: string;
  complaintIntro: string;
  chronologyHeading: string;
  explanationHeading: string;
  explanationLine: (o: { forvaltning: string; answeredOn: string; summary: string }) => string;
  pointHeading: (n: number, description: string) => string;
  rulesIntro: string;
  /** The graded conclusion; null for outcomes that have no standard conclusion (afvist, videresendt …). */
  conclusion: (outcome: OutcomeCode, what: string) => string | null;
  /** Appended to a citation of a rule that is not fully verified; uses verificationMark's words. */
  unverifiedNote: string;
  recommendationsHeading: string;
  recommendation: (forvaltning: string, text: string) => string;
  recommendationReply: (forvaltning: string, followUpOn: string) => string;
  nextHeading: string;
  notADecision: string;
  klagefrist: (o: { dueOn: string; klageinstans: string | null }) => string;
  ombudsman: string;
  greeting: string;
  copyTo: (names: string) => string;
  chronology: Readonly<{
    received: string;
    requestSent: (forvaltning: string, kind: string) => string;
    reminder: (forvaltning: string, level: number | null) => string;
    answered: (forvaltning: string) => string;
    meeting: (text: string) => string;
  }>;
}>;

/** Lower-cases the first letter so a description can follow "at …". */
function asClause(text: string): string {
  // The sentence gets its own full stop: a closing ".", "!" or a cut-off "…" would double it ("…." ).
  const t = text.trim().replace(/[\s.!…]+$/u, '');
  return t === '' ? t : t.charAt(0).toLocaleLowerCase('da-DK') + t.slice(1);
}

export const DEFAULT_FINDING_PHRASES: FindingPhrases = {
  title: 'Udtalelse',
  opening: ({ receivedOn, summary }) =>
    summary.trim() === ''
      ? `Jeg har nu færdigbehandlet din henvendelse, som jeg modtog den ${receivedOn}.`
      : `Jeg har nu færdigbehandlet din henvendelse, som jeg modtog den ${receivedOn}, om ${asClause(summary)}.`,
  complaintHeading: 'Din klage',
  complaintIntro: 'Du har klaget over følgende:',
  chronologyHeading: 'Forløb',
  explanationHeading: 'Forvaltningens redegørelse',
  explanationLine: ({ forvaltning, answeredOn, summary }) => `${forvaltning} har den ${answeredOn} oplyst: ${summary.trim()}`,
  pointHeading: (n, description) => `Klagepunkt ${n}: ${description.trim()}`,
  rulesIntro: 'Jeg har vurderet klagepunktet efter følgende regler:',
  conclusion: (outcome, what) => {
    const clause = asClause(what);
    switch (outcome) {
      case 'ingen_kritik': return `Jeg har ikke grundlag for at kritisere, at ${clause}.`;
      // A bemærkning is not criticism: it says what could be done better, without grading it.
      case 'bemaerkning': return `Jeg vil dog bemærke, at ${clause}.`;
      case 'beklageligt': return `Det er beklageligt, at ${clause}.`;
      case 'kritik': return `Jeg finder det kritisabelt, at ${clause}.`;
      case 'alvorlig_kritik': return `Jeg finder det meget kritisabelt, at ${clause}.`;
      case 'meget_alvorlig_kritik': return `Jeg finder det særdeles kritisabelt, at ${clause}.`;
      default: return null;
    }
  },
  unverifiedNote: `(${NOT_FULLY_VERIFIED} – kontrollér henvisningen før udsendelse)`,
  recommendationsHeading: 'Henstillinger',
  recommendation: (forvaltning, text) => `Jeg henstiller til ${forvaltning}, at ${asClause(text)}.`,
  recommendationReply: (forvaltning, followUpOn) => `Jeg har bedt ${forvaltning} om senest den ${followUpOn} at oplyse mig om, hvad henstillingen giver anledning til.`,
  nextHeading: 'Hvad sker der nu?',
  notADecision:
    'Min udtalelse er ikke en afgørelse. Den ændrer ikke forvaltningens afgørelser, og du kan ikke klage over den.',
  klagefrist: ({ dueOn, klageinstans }) =>
    klageinstans === null
      ? `Vil du klage over selve afgørelsen, skal du klage senest den ${dueOn}. Hvor du skal klage, står i klagevejledningen i afgørelsen.`
      : `Vil du klage over selve afgørelsen, skal du klage til ${klageinstans} senest den ${dueOn}.`,
  ombudsman:
    'Er du ikke tilfreds, kan du klage til Folketingets Ombudsmand, når du har udnyttet de andre klagemuligheder. Klagen skal indgives inden et år efter, at forholdet fandt sted (ombudsmandsloven § 13, stk. 3).',
  greeting: 'Venlig hilsen',
  copyTo: (names) => `Kopi til: ${names}`,
  chronology: {
    received: 'Jeg modtog din henvendelse.',
    requestSent: (forvaltning, kind) => `Jeg bad ${forvaltning} om ${kind}.`,
    reminder: (forvaltning, level) => `Jeg sendte ${level === null ? 'en' : `${level}.`} rykker til ${forvaltning}.`,
    answered: (forvaltning) => `${forvaltning} svarede.`,
    meeting: (text) => (text.trim() === '' ? 'Møde.' : `Møde: ${text.trim().replace(/\.$/, '')}.`),
  },
};
