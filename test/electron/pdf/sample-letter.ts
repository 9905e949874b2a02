/**
 * A three-page finding for the PDF tests and the bench: Danish text with æøå, names outside Latin-1
 * (Şahin, Łukasz), a long list, citations, and a heading (`FOOT_HEADING`) that the paragraphs before
 * it bring to the very last line of page 2, so the renderer must move it on to page 3.
 */
import type { Block, LetterDocument } from '../../../shared/letters/document';

export const FOOT_HEADING = 'Forvaltningens redegørelse';

const FILLER =
  'Borgerrådgiveren har gennemgået sagens akter, herunder ansøgningen, forvaltningens afgørelse og de ' +
  'efterfølgende mails, og har vurderet sagsbehandlingen i forhold til forvaltningslovens regler om ' +
  'partshøring, begrundelse og klagevejledning samt de almindelige forvaltningsretlige grundsætninger.';

export function sampleLetter(fillerBeforeFootHeading = 8, shortBeforeFootHeading = 2): LetterDocument {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: 'Udtalelse om Jobcenter Ærøs behandling af Ayşe Şahins sag' },
    { kind: 'paragraph', runs: [{ text: 'Kære Ayşe Şahin. Du har klaget over, hvordan ' }, { text: 'Jobcenter Ærø', emphasis: 'strong' }, { text: ' behandlede din ansøgning om ' }, { text: 'særlig støtte', emphasis: 'em' }, { text: ' – og over sagsbehandler Łukasz Nowaks brev af 3. november 2026 („citat" fra brevet).' }] },
    { kind: 'heading', level: 2, text: 'Sagens forløb' },
    { kind: 'list', ordered: true, items: Array.from({ length: 12 }, (_, i) => [{ text: `Den ${i + 1}. oktober 2026 modtog forvaltningen ${i % 2 === 0 ? 'et brev' : 'en mail'} fra borgeren om sagens fremdrift, og forvaltningen svarede ${i % 3 === 0 ? 'ikke' : 'inden for fristen'}.` }]) },
    { kind: 'heading', level: 2, text: 'Retsgrundlaget' },
    { kind: 'citation', reference: 'Forvaltningslovens § 19, stk. 1, jf. lovbekendtgørelse nr. 433 af 22. april 2014', text: 'Forvaltningen skal som udgangspunkt partshøre en part over oplysninger, der er til ugunst for parten og af væsentlig betydning for afgørelsen.' },
    { kind: 'citation', reference: 'Forvaltningslovens § 22 og § 24', text: 'En skriftlig afgørelse skal være ledsaget af en begrundelse, der henviser til de retsregler, afgørelsen er truffet efter.' },
    { kind: 'list', ordered: false, items: [[{ text: 'Partshøring ' }, { text: 'blev ikke', emphasis: 'strong' }, { text: ' foretaget.' }], [{ text: 'Begrundelsen var mangelfuld.' }], [{ text: 'Klagevejledningen manglede.' }]] },
    ...Array.from({ length: fillerBeforeFootHeading }, (_, i): Block => ({ kind: 'paragraph', runs: [{ text: `${i + 1}. ${FILLER}` }] })),
    ...Array.from({ length: shortBeforeFootHeading }, (): Block => ({ kind: 'paragraph', runs: [{ text: 'Forløbet er gennemgået ovenfor.' }] })),
    { kind: 'heading', level: 2, text: FOOT_HEADING },
    { kind: 'paragraph', runs: [{ text: 'Forvaltningen har den 20. november 2026 erkendt, at partshøringen ikke blev foretaget, og har beklaget det over for borgeren.' }] },
    { kind: 'heading', level: 3, text: 'Klagepunkt 1: Partshøring' },
    { kind: 'paragraph', runs: [{ text: 'Det er ' }, { text: 'kritisabelt', emphasis: 'strong' }, { text: ', at forvaltningen ikke partshørte Ayşe Şahin, før afgørelsen blev truffet.' }] },
    ...Array.from({ length: 4 }, (_, i): Block => ({ kind: 'paragraph', runs: [{ text: `Afsnit ${i + 1}. ${FILLER}` }] })),
    { kind: 'signature', greeting: 'Med venlig hilsen', name: 'Łukasz Ærøskøbing-Jensen', title: 'Borgerrådgiver' },
  ];
  return {
    meta: {
      title: 'Udtalelse om Jobcenter Ærøs sagsbehandling',
      subject: 'Borgerrådgiverens udtalelse i sag 2026-0042',
      keywords: ['udtalelse', 'partshøring', 'Ærø'],
      author: 'Borgerrådgiveren i Ærø Kommune',
      language: 'da-DK',
      runningHeader: 'Udtalelse · Sagsnr. 2026-0042',
    },
    letterhead: {
      sender: ['Borgerrådgiveren', 'Ærø Kommune', 'Statene 2', '5970 Ærøskøbing'],
      recipient: ['Ayşe Şahin', 'Søndergade 14, 2. th.', '5960 Marstal'],
      copyTo: ['Kopi til: Jobcenter Ærø'],
      date: '2026-12-01',
      reference: 'Sagsnr. 2026-0042',
      logo: null,
    },
    blocks,
  };
}
