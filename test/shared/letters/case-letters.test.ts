/** The anmodning om redegørelse, the rykker and the kvittering: wording per case, left-out parts, dates in letter form. */
import { describe, expect, it } from 'vitest';
import type { CaseLetterRequest, CaseLetterSource } from '../../../shared/letters/case-letter-source';
import { blockTexts, LetterDocumentSchema, type Block, type LetterDocument } from '../../../shared/letters/document';
import { draftReceiptLetter } from '../../../shared/letters/receipt-letter';
import { draftReminderLetter } from '../../../shared/letters/reminder-letter';
import { draftRequestLetter, questionBlocks } from '../../../shared/letters/request-letter';

const request: CaseLetterRequest = {
  forvaltning: 'Beskæftigelsesforvaltningen', kind: 'redegoerelse', sentOn: '2025-06-02', firstDue: '2025-06-16', dueOn: '2025-06-16',
  reminders: [], answeredOn: null, closedOn: null,
  questions: 'Hvornår blev borgeren partshørt?\n\n- Hvilke oplysninger indgik?\n- Hvem traf afgørelsen?',
  points: [{ position: 1, description: 'Jobcentret partshørte mig ikke' }, { position: 3, description: 'Afgørelsen var ikke begrundet' }],
};
const src: CaseLetterSource = {
  sagsnr: '2025-0042', receivedOn: '2025-05-26', citizen: { name: 'Şükrü Ærø', address: 'Åvej 1\n8000 Aarhus C' }, summary: 'Sygedagpenge stoppet.',
  points: [
    { position: 1, description: 'Jobcentret partshørte mig ikke' },
    { position: 2, description: 'Sagen tog for lang tid' },
    { position: 3, description: 'Afgørelsen var ikke begrundet' },
  ],
  request, klagefrist: { dueOn: '2025-07-04' }, targetDue: '2025-08-29',
  letterhead: { office: 'Borgerrådgiveren', municipality: 'Eksempel Kommune', addressLines: ['Rådhuspladsen 1'], contactLines: [], logo: null },
  adviser: { name: 'Mette Rådgiver', title: 'Borgerrådgiver' }, date: '2025-06-02',
};

const headings = (doc: LetterDocument): string[] => doc.blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading').map((b) => b.text);
const allText = (doc: LetterDocument): string => doc.blocks.flatMap(blockTexts).join('\n');
const noEmpty = (doc: LetterDocument): void => {
  expect(LetterDocumentSchema.parse(doc)).toEqual(doc);
  for (const b of doc.blocks) {
    if (b.kind === 'list') expect(b.items.length).toBeGreaterThan(0);
    if (b.kind !== 'signature') expect(blockTexts(b).every((t) => t.trim() !== '')).toBe(true);
  }
  // A heading is always followed by its text, never by another heading or the end.
  doc.blocks.forEach((b, i) => {
    if (b.kind === 'heading' && b.level > 1) expect(doc.blocks[i + 1]?.kind).not.toBe('heading');
  });
};

describe('draftRequestLetter', () => {
  it('writes to the forvaltning with the klagepunkter, the questions, what is asked and the deadline in letter form', () => {
    const doc = draftRequestLetter(src);
    noEmpty(doc);
    expect(headings(doc)).toEqual(['Anmodning om redegørelse', 'Klagepunkter', 'Mine spørgsmål', 'Frist for svar']);
    expect(doc.letterhead).toEqual({
      sender: ['Borgerrådgiveren', 'Eksempel Kommune', 'Rådhuspladsen 1'], recipient: ['Beskæftigelsesforvaltningen'], copyTo: [],
      date: '2025-06-02', reference: 'Sagsnr. 2025-0042', logo: null,
    });
    expect(doc.meta).toMatchObject({ title: 'Anmodning om redegørelse i sag 2025-0042', runningHeader: 'Anmodning om redegørelse · Sagsnr. 2025-0042', author: 'Mette Rådgiver' });
    expect(doc.meta.keywords).toEqual(['Anmodning om redegørelse', '2025-0042', 'Beskæftigelsesforvaltningen']);
    const text = allText(doc);
    expect(text).toContain('Jeg har den 26. maj 2025 modtaget en henvendelse fra Şükrü Ærø om sygedagpenge stoppet.');
    // A selection of the case's klagepunkter keeps the case's numbers.
    expect(doc.blocks.find((b) => b.kind === 'list' && b.section === 'klagepunkter')).toMatchObject({ ordered: false });
    expect(text).toContain('Klagepunkt 1: Jobcentret partshørte mig ikke\nKlagepunkt 3: Afgørelsen var ikke begrundet');
    expect(text).toContain('Hvornår blev borgeren partshørt?\nHvilke oplysninger indgik?\nHvem traf afgørelsen?');
    expect(text).toContain('Jeg beder om at modtage svaret senest mandag den 16. juni 2025.');
    expect(text).not.toMatch(/\d\d\.\d\d\.\d{4}/);
    expect(doc.blocks.at(-1)).toMatchObject({ kind: 'signature', name: 'Mette Rådgiver', title: 'Borgerrådgiver' });
  });

  it('numbers all the klagepunkter 1, 2, 3 as an ordered list and names what is asked per kind', () => {
    const doc = draftRequestLetter({ ...src, request: { ...request, kind: 'akter', points: src.points } });
    expect(doc.blocks.find((b) => b.kind === 'list' && b.section === 'klagepunkter')).toMatchObject({ ordered: true });
    expect(headings(doc)[0]).toBe('Anmodning om sagens akter');
    expect(allText(doc)).toContain('sende mig sagens akter');
    expect(headings(draftRequestLetter({ ...src, request: { ...request, kind: 'udtalelse' } }))[0]).toBe('Anmodning om udtalelse');
  });

  it('asks for the deadline in force, an extension included', () => {
    const text = allText(draftRequestLetter({ ...src, request: { ...request, dueOn: '2025-06-30' } }));
    expect(text).toContain('senest mandag den 30. juni 2025');
    expect(text).not.toContain('16. juni');
  });

  it('leaves out the klagepunkter and the questions when there are none', () => {
    const doc = draftRequestLetter({ ...src, summary: '', request: { ...request, points: [], questions: '  \n ' } });
    noEmpty(doc);
    expect(headings(doc)).toEqual(['Anmodning om redegørelse', 'Frist for svar']);
    expect(allText(doc)).toContain('som klager over forvaltningens behandling af sin sag.');
  });

  it('refuses to draft without a request', () => {
    expect(() => draftRequestLetter({ ...src, request: null })).toThrow();
  });
});

describe('questionBlocks', () => {
  it('keeps prose as paragraphs and written lists as lists, numbered when numbered', () => {
    const blocks = questionBlocks('Første linje\nfortsætter.\n\n1. Et\n2) To\n- Punkt\nAfslutning.', 's');
    expect(blocks.map((b) => [b.kind, b.kind === 'list' ? b.ordered : null, blockTexts(b)])).toEqual([
      ['paragraph', null, ['Første linje fortsætter.']],
      ['list', true, ['Et', 'To']],
      ['list', false, ['Punkt']],
      ['paragraph', null, ['Afslutning.']],
    ]);
    expect(questionBlocks('', 's')).toEqual([]);
  });
});

describe('draftReminderLetter', () => {
  it('refers to the request and its deadline, says no answer has come and asks for one at once', () => {
    const doc = draftReminderLetter({ ...src, date: '2025-06-20' });
    noEmpty(doc);
    expect(headings(doc)).toEqual(['Rykker']);
    const text = allText(doc);
    expect(text).toContain('Jeg bad den 2. juni 2025 Beskæftigelsesforvaltningen om en redegørelse med svar senest mandag den 16. juni 2025.');
    expect(text).toContain('Jeg har endnu ikke modtaget svar.');
    expect(text).toContain('Jeg beder om at modtage svaret hurtigst muligt.');
    expect(text).not.toMatch(/tidligere rykket|forlænget/);
    expect(doc.meta.title).toBe('Rykker i sag 2025-0042');
  });

  it('prints the level of the rykker recorded on the letter date and the earlier reminders', () => {
    const reminders = [{ onDate: '2025-06-20', level: 1 }, { onDate: '2025-07-01', level: 2 }];
    const doc = draftReminderLetter({ ...src, date: '2025-07-01', request: { ...request, reminders } });
    expect(headings(doc)).toEqual(['Rykker 2']);
    expect(allText(doc)).toContain('Jeg har tidligere rykket for svaret den 20. juni 2025.');
  });

  it('asks for the answer by an extended deadline still ahead, and at once when it has passed too', () => {
    const extended = { ...request, dueOn: '2025-06-30' };
    const ahead = allText(draftReminderLetter({ ...src, date: '2025-06-20', request: extended }));
    expect(ahead).toContain('Fristen er siden forlænget til mandag den 30. juni 2025.');
    expect(ahead).toContain('Jeg beder om at modtage svaret senest mandag den 30. juni 2025.');
    const passed = allText(draftReminderLetter({ ...src, date: '2025-07-02', request: extended }));
    expect(passed).toContain('hurtigst muligt');
  });
});

describe('draftReceiptLetter', () => {
  it('writes to the citizen: received, the klagepunkter as understood, what happens now, the running klagefrist', () => {
    const doc = draftReceiptLetter({ ...src, request: null });
    noEmpty(doc);
    expect(headings(doc)).toEqual(['Kvittering for din henvendelse', 'Din klage', 'Hvad sker der nu?', 'Din klagefrist']);
    expect(doc.letterhead.recipient).toEqual(['Şükrü Ærø', 'Åvej 1', '8000 Aarhus C']);
    expect(doc.meta.keywords).toEqual(['Kvittering for din henvendelse', '2025-0042']);
    const text = allText(doc);
    expect(text).toContain('Tak for din henvendelse, som jeg modtog den 26. maj 2025, om sygedagpenge stoppet.');
    expect(text).toContain('Jobcentret partshørte mig ikke\nSagen tog for lang tid\nAfgørelsen var ikke begrundet');
    expect(text).toContain('Jeg kan ikke ændre en afgørelse');
    expect(text).toContain('Mit mål er at være færdig med din sag senest fredag den 29. august 2025.');
    expect(text).toContain('stopper ikke og forlænger ikke din klagefrist');
    expect(text).toContain('senest fredag den 4. juli 2025');
  });

  it('says nothing of a klagefrist that has run out or is not recorded', () => {
    for (const klagefrist of [null, { dueOn: '2025-06-01' }]) {
      const doc = draftReceiptLetter({ ...src, request: null, klagefrist });
      expect(headings(doc)).not.toContain('Din klagefrist');
      expect(allText(doc)).not.toContain('klagefrist');
    }
    // On its last day it still runs.
    expect(allText(draftReceiptLetter({ ...src, klagefrist: { dueOn: '2025-06-02' } }))).toContain('senest mandag den 2. juni 2025');
  });

  it('leaves out the klagepunkter when none are recorded and promises no passed target', () => {
    const doc = draftReceiptLetter({ ...src, points: [], targetDue: '2025-05-30', klagefrist: null });
    noEmpty(doc);
    expect(headings(doc)).toEqual(['Kvittering for din henvendelse', 'Hvad sker der nu?']);
    expect(allText(doc)).toContain('Jeg vender tilbage til dig, når jeg har undersøgt sagen.');
    expect(allText(doc)).not.toContain('Mit mål');
  });
});
