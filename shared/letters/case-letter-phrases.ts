/**
 * The standard wording of the adviser's other formal letters – the anmodning om redegørelse, the
 * rykker and the kvittering – in one place, so a phrase library can override any of it without
 * touching how the letters are built. Every text is the adviser's own words; the facts come from
 * legal-rules.md (c.3: the borgerrådgiver looks at the handling, not the content of a decision; b.5:
 * the citizen's own klagefrist runs regardless, and the deadline for the forvaltning's answer is a
 * local target, not law, so it is asked for, never called a statutory deadline). Dates arrive
 * formatted: "den 3. marts 2025" for a day that has happened, "mandag den 30. juni 2025" for a
 * deadline.
 */
import type { CaseLetterRequest } from './case-letter-source';

type RequestKindCode = CaseLetterRequest['kind'];

export type CaseLetterPhrases = Readonly<{
  greeting: string;
  /** What a request asks for, as the object of "om": "en redegørelse", "sagens akter" … */
  askedFor: (kind: RequestKindCode) => string;
  pointLine: (position: number, description: string) => string;
  request: Readonly<{
    title: (kind: RequestKindCode) => string;
    opening: (o: { receivedOn: string; citizen: string; summary: string }) => string;
    pointsHeading: string;
    pointsIntro: (count: number) => string;
    questionsHeading: string;
    asked: (kind: RequestKindCode) => string;
    deadlineHeading: string;
    deadline: (dueOn: string) => string;
    ifLate: string;
  }>;
  reminder: Readonly<{
    title: (level: number | null) => string;
    sent: (o: { sentOn: string; forvaltning: string; what: string; firstDue: string }) => string;
    earlier: (dates: string) => string;
    noAnswer: string;
    extended: (dueOn: string) => string;
    answerBy: (dueOn: string) => string;
    answerSoon: string;
  }>;
  receipt: Readonly<{
    title: string;
    opening: (o: { receivedOn: string; summary: string }) => string;
    pointsHeading: string;
    pointsIntro: string;
    pointsCorrect: string;
    nextHeading: string;
    handling: string;
    notTheDecision: string;
    mayAsk: string;
    target: (dueOn: string) => string;
    noTarget: string;
    klagefristHeading: string;
    klagefrist: (dueOn: string) => string;
  }>;
}>;

/** Lower-cases the first letter and drops a closing full stop, so a summary can follow "om". */
function asClause(text: string): string {
  const t = text.trim().replace(/[\s.!…]+$/u, '');
  return t === '' ? t : t.charAt(0).toLocaleLowerCase('da-DK') + t.slice(1);
}

export const DEFAULT_CASE_LETTER_PHRASES: CaseLetterPhrases = {
  greeting: 'Venlig hilsen',
  askedFor: (kind) => ({ redegoerelse: 'en redegørelse', akter: 'sagens akter', udtalelse: 'en udtalelse' })[kind],
  pointLine: (position, description) => `Klagepunkt ${position}: ${description.trim()}`,
  request: {
    title: (kind) => ({ redegoerelse: 'Anmodning om redegørelse', akter: 'Anmodning om sagens akter', udtalelse: 'Anmodning om udtalelse' })[kind],
    opening: ({ receivedOn, citizen, summary }) => {
      const who = citizen.trim() === '' ? 'en borger' : citizen.trim();
      const about = asClause(summary);
      return about === ''
        ? `Jeg har ${receivedOn} modtaget en henvendelse fra ${who}, som klager over forvaltningens behandling af sin sag.`
        : `Jeg har ${receivedOn} modtaget en henvendelse fra ${who} om ${about}.`;
    },
    pointsHeading: 'Klagepunkter',
    pointsIntro: (count) => (count === 1 ? 'Min anmodning angår dette klagepunkt:' : 'Min anmodning angår disse klagepunkter:'),
    questionsHeading: 'Mine spørgsmål',
    asked: (kind) => {
      switch (kind) {
        case 'redegoerelse':
          return 'Jeg beder forvaltningen om en redegørelse for sagens forløb og forvaltningens behandling af de nævnte klagepunkter.';
        case 'akter':
          return 'Jeg beder forvaltningen om at sende mig sagens akter, så jeg kan se, hvordan sagen er behandlet.';
        case 'udtalelse':
          return 'Jeg beder forvaltningen om en udtalelse om de nævnte klagepunkter.';
      }
    },
    deadlineHeading: 'Frist for svar',
    deadline: (dueOn) => `Jeg beder om at modtage svaret senest ${dueOn}.`,
    ifLate: 'Kan svaret ikke nå frem inden da, beder jeg om at høre fra forvaltningen før fristen med en dato for, hvornår det kan ventes.',
  },
  reminder: {
    title: (level) => (level === null ? 'Rykker' : `Rykker ${level}`),
    sent: ({ sentOn, forvaltning, what, firstDue }) => `Jeg bad ${sentOn} ${forvaltning} om ${what} med svar senest ${firstDue}.`,
    earlier: (dates) => `Jeg har tidligere rykket for svaret ${dates}.`,
    noAnswer: 'Jeg har endnu ikke modtaget svar.',
    extended: (dueOn) => `Fristen er siden forlænget til ${dueOn}.`,
    answerBy: (dueOn) => `Jeg beder om at modtage svaret senest ${dueOn}.`,
    answerSoon: 'Jeg beder om at modtage svaret hurtigst muligt.',
  },
  receipt: {
    title: 'Kvittering for din henvendelse',
    opening: ({ receivedOn, summary }) => {
      const about = asClause(summary);
      return about === '' ? `Tak for din henvendelse, som jeg modtog ${receivedOn}.` : `Tak for din henvendelse, som jeg modtog ${receivedOn}, om ${about}.`;
    },
    pointsHeading: 'Din klage',
    pointsIntro: 'Jeg har forstået din klage sådan, at du klager over følgende:',
    pointsCorrect: 'Har jeg misforstået noget, eller mangler der noget, er du velkommen til at kontakte mig.',
    nextHeading: 'Hvad sker der nu?',
    handling:
      'Som borgerrådgiver ser jeg på, hvordan kommunen har behandlet din sag – for eksempel sagsbehandlingstid, vejledning, partshøring og begrundelse – og på, hvordan du er blevet mødt.',
    notTheDecision:
      'Jeg kan ikke ændre en afgørelse eller tage stilling til, om den er rigtig. Det hører under klagesystemet.',
    mayAsk: 'Jeg kan bede forvaltningen om en redegørelse for sagen, før jeg tager stilling til din klage.',
    target: (dueOn) => `Mit mål er at være færdig med din sag senest ${dueOn}. Det er et mål og ikke en frist, der følger af loven.`,
    noTarget: 'Jeg vender tilbage til dig, når jeg har undersøgt sagen.',
    klagefristHeading: 'Din klagefrist',
    klagefrist: (dueOn) =>
      `Din henvendelse til mig stopper ikke og forlænger ikke din klagefrist. Vil du klage over selve afgørelsen, skal din klage være modtaget senest ${dueOn}. Hvor du skal klage, står i klagevejledningen i afgørelsen.`,
  },
};

