/** The letter document model: what crosses the contract and is stored parses back; texts read in order. */
import { describe, expect, it } from 'vitest';
import { blockTexts, LetterDocumentSchema, paragraph, type LetterDocument } from '../../../shared/letters/document';

const letter: LetterDocument = {
  meta: { title: 'Udtalelse', subject: 'Klage over jobcentret', keywords: ['udtalelse'], author: 'Borgerrådgiveren', language: 'da-DK', runningHeader: 'Udtalelse · Sagsnr. 2026-0042' },
  letterhead: { sender: ['Borgerrådgiveren', 'Eksempel Kommune'], recipient: ['Şükrü Łukasz'], copyTo: ['Jobcenter Nord'], date: '2026-12-01', reference: 'Sagsnr. 2026-0042', logo: null },
  blocks: [
    { kind: 'heading', level: 1, text: 'Udtalelse' },
    paragraph('Du har klaget over jobcentret.', 'klagen'),
    { kind: 'list', ordered: true, items: [[{ text: 'Mødet blev aflyst ' }, { text: 'uden besked', emphasis: 'em' }]], section: 'klagen' },
    { kind: 'citation', reference: 'Forvaltningslovens § 19, stk. 1', text: 'Partshøring før afgørelsen.' },
    { kind: 'signature', greeting: 'Venlig hilsen', name: 'Mette Rådgiver', title: 'Borgerrådgiver' },
  ],
};

describe('the letter document model', () => {
  it('parses back what it produced, and refuses an unknown block', () => {
    expect(LetterDocumentSchema.parse(JSON.parse(JSON.stringify(letter)))).toEqual(letter);
    expect(LetterDocumentSchema.safeParse({ ...letter, blocks: [{ kind: 'table', rows: [] }] }).success).toBe(false);
    expect(LetterDocumentSchema.safeParse({ ...letter, blocks: [{ kind: 'heading', level: 4, text: 'x' }] }).success).toBe(false);
  });

  it('reads each block\'s texts in order', () => {
    expect(letter.blocks.flatMap(blockTexts)).toEqual([
      'Udtalelse', 'Du har klaget over jobcentret.', 'Mødet blev aflyst uden besked',
      'Forvaltningslovens § 19, stk. 1', 'Partshøring før afgørelsen.', 'Venlig hilsen', 'Mette Rådgiver', 'Borgerrådgiver',
    ]);
  });
});
