/**
 * Akter og journal on the demo henvendelser, consistent with each one's channel, status and dates:
 * the citizen's first contact (a letter as PDF, a mail as .eml, or a telefonnotat of the call), the
 * forvaltning's statement for every answered request (attached to the request), and an intern note
 * on henvendelser under way or closed. All texts are invented here; the files are made in code
 * (./letter-files.ts) and their text is carried as read, so the demo needs no PDF reader and stays
 * fast. Drawn from a stream of its own, so the rest of the demo is the same as before.
 */
import { formatDanishDate, type IsoDate } from '../domain/dates';
import type { PortableCase, PortableDocument, PortableJournalNote } from '../import/portable';
import { bytesToBase64, letterPdf, plainMail } from './letter-files';
import { createRandom, type Random } from './random';

export type DemoRecordsOptions = Readonly<{ seed: number; today: IsoDate }>;

const CALLS = [
  'Borgeren ringede og fortalte, at {emne}. Borgeren er frustreret over ikke at have hørt fra forvaltningen. Jeg forklarede, hvad borgerrådgiveren kan og ikke kan, og bad om at få afgørelsen tilsendt.',
  'Telefonsamtale med borgeren om {emne}. Borgeren ønsker, at vi ser på sagsbehandlingen. Aftalt, at borgeren sender en skriftlig klage med kopi af brevene fra forvaltningen.',
  'Borgeren ringede på vegne af sig selv og sin ægtefælle: {emne}. Vejledt om klagefristen og om, at borgerrådgiveren ikke kan ændre afgørelsen.',
];
const INTERNAL = [
  'Sagen gennemgået. Det ser ud til, at partshøringen mangler, og at begrundelsen ikke henviser til reglerne. Afventer forvaltningens redegørelse, før vi tager stilling.',
  'Drøftet på teammødet: vi ser på sagsbehandlingstiden og på, om borgeren har fået den vejledning, der skulle gives.',
  'Notat til mig selv: husk at spørge forvaltningen, om der er sendt kvittering for modtagelsen af ansøgningen.',
];

function laterDay(iso: IsoDate, add: number, today: IsoDate): IsoDate {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + add);
  const out = d.toISOString().slice(0, 10);
  return out > today ? today : out;
}

/** What the complaint is about, from the first klagepunkt's description or the resumé. */
function subjectOf(c: PortableCase): string {
  const text = (c.points.find((p) => p.description.trim() !== '')?.description ?? c.summary).trim();
  const first = text.split(/(?<=[.!?])\s/)[0] ?? text;
  return first.replace(/[.!?]$/, '').replace(/^./, (ch) => ch.toLowerCase());
}

function letterText(c: PortableCase, about: string): string[] {
  return [
    c.citizen.name,
    c.citizen.address,
    '',
    'Til Borgerrådgiveren',
    '',
    `Dato: ${formatDanishDate(c.receivedOn)}`,
    '',
    'Klage over min sag',
    '',
    'Kære borgerrådgiver',
    '',
    `Jeg skriver, fordi ${about}. Jeg har forsøgt at få svar fra forvaltningen flere gange, men jeg føler ikke, at jeg bliver hørt.`,
    'Jeg vil gerne have, at borgerrådgiveren ser på, om sagen er behandlet rigtigt, og om jeg har fået den vejledning, jeg har krav på.',
    '',
    'Jeg vedlægger de breve, jeg har fået. Ring gerne, hvis der er spørgsmål.',
    '',
    'Med venlig hilsen',
    c.citizen.name,
  ];
}

function statementText(forvaltning: string, c: PortableCase, answeredOn: IsoDate, summary: string): string[] {
  return [
    forvaltning,
    '',
    'Til Borgerrådgiveren',
    `Dato: ${formatDanishDate(answeredOn)}`,
    '',
    `Redegørelse i sag ${c.sagsnr} (${c.citizen.name})`,
    '',
    'Forvaltningen takker for henvendelsen og redegør hermed for sagsforløbet.',
    summary !== '' ? summary : 'Forvaltningen har gennemgået sagen og vurderer, at den er behandlet efter reglerne.',
    'Vi har gennemgået sagens akter, talt med den ansvarlige sagsbehandler og vurderet sagsbehandlingstiden.',
    'Forvaltningen vil fremover være opmærksom på at give borgeren besked, når en sag trækker ud.',
    '',
    'Med venlig hilsen',
    forvaltning,
  ];
}

function pdfDocument(o: Omit<PortableDocument, 'mediaType' | 'textStatus' | 'extractedText' | 'contentBase64'>, lines: string[]): PortableDocument {
  return {
    ...o, mediaType: 'application/pdf', textStatus: 'laest', extractedText: lines.filter((l) => l !== '').join('\n'), contentBase64: bytesToBase64(letterPdf(lines)),
  };
}

function firstContact(c: PortableCase, r: Random, adviser: string): { documents: PortableDocument[]; journal: PortableJournalNote[] } {
  const about = subjectOf(c);
  const at = `${c.receivedOn}T09:00:00.000Z`;
  if (c.channel === 'email') {
    const body = letterText(c, about).slice(9).join('\n');
    const bytes = plainMail({ from: `${c.citizen.name} <${c.citizen.email || 'borger@eksempel.dk'}>`, to: 'borgerraadgiveren@kommune.dk', subject: 'Klage over min sag', date: new Date(`${c.receivedOn}T08:30:00Z`), body });
    return {
      documents: [{
        fileName: 'Klage over min sag.eml', mediaType: 'message/rfc822', title: 'Klage over min sag', documentDate: c.receivedOn, direction: 'ind',
        party: c.citizen.name, request: null, textStatus: 'laest', extractedText: `Emne: Klage over min sag\nFra: ${c.citizen.name}\n\n${body}`,
        contentBase64: bytesToBase64(bytes), addedBy: adviser, addedAt: at, updatedAt: at,
      }],
      journal: [],
    };
  }
  if (c.channel === 'brev' || c.channel === 'digital_formular') {
    return {
      documents: [pdfDocument({ fileName: 'Klage fra borgeren.pdf', title: 'Borgerens klage', documentDate: c.receivedOn, direction: 'ind', party: c.citizen.name, request: null, addedBy: adviser, addedAt: at, updatedAt: at }, letterText(c, about))],
      journal: [],
    };
  }
  const kind = c.channel === 'personligt' ? 'moede' : 'telefonnotat';
  const text = kind === 'moede' ? `Borgeren mødte op i borgerrådgivningen: ${about}. Aftalt, at borgeren sender kopi af afgørelsen.` : r.pick(CALLS).replace('{emne}', about);
  return { documents: [], journal: [{ kind, notedOn: c.receivedOn, notedAt: `${String(r.int(8, 14)).padStart(2, '0')}:${r.pick(['00', '15', '30', '45'])}`, text, author: adviser, createdAt: at, updatedAt: at }] };
}

export function addDemoRecords(cases: ReadonlyArray<PortableCase>, opts: DemoRecordsOptions): PortableCase[] {
  const r = createRandom((opts.seed ^ 0x2b2b2b2b) >>> 0);
  return cases.map((c): PortableCase => {
    const adviser = c.adviser ?? 'Borgerrådgiveren';
    const { documents, journal } = firstContact(c, r, adviser);
    c.requests.forEach((q, i) => {
      if (q.answeredOn === null) return;
      const at = `${q.answeredOn}T13:00:00.000Z`;
      documents.push(pdfDocument(
        { fileName: `Redegørelse fra ${q.forvaltning}.pdf`, title: `Redegørelse fra ${q.forvaltning}`, documentDate: q.answeredOn, direction: 'ind', party: q.forvaltning, request: i + 1, addedBy: adviser, addedAt: at, updatedAt: at },
        statementText(q.forvaltning, c, q.answeredOn, q.answerSummary),
      ));
    });
    if (c.type === 'klage' && c.status !== 'modtaget' && r.chance(0.7)) {
      const on = laterDay(c.receivedOn, r.int(2, 10), c.closedOn ?? opts.today);
      journal.push({ kind: 'intern_note', notedOn: on, notedAt: null, text: r.pick(INTERNAL), author: adviser, createdAt: `${on}T15:00:00.000Z`, updatedAt: `${on}T15:00:00.000Z` });
    }
    return { ...c, documents, journal };
  });
}
