/**
 * The anonymised finding, for publication on the municipality's website: the citizen's and third
 * parties' names, CPR numbers, addresses, e-mail addresses and phone numbers are replaced wherever
 * they stand – the letterhead, the metadata and inside the adviser's free text – by a bracketed word
 * ("[borgeren]", "[cpr-nr.]" …), so a reader still follows the sentence.
 *
 * What is looked for: the case's own personal data (given by the backend, incl. the full CPR number),
 * anything that looks like a CPR number, an e-mail address or a Danish phone number, and the extra
 * terms the adviser adds after reading the highlighted review (a neighbour's name, a street, a
 * diagnosis). Each pass only looks at text no earlier pass replaced, so a replacement is never itself
 * rewritten. The adviser's own name and title are the authority's signature, not personal data of the
 * citizen, and stay.
 */
import type { Block, Inline, LetterDocument } from './document';

export type PersonalData = {
  /** Full names; the first is the citizen ("[borgeren]"), the others third parties ("[navn]"). */
  names: string[];
  addresses: string[];
  cprs: string[];
  emails: string[];
  phones: string[];
  /** The adviser's extra terms, replaced by "[udeladt]". */
  extraTerms: string[];
};

export type Replacement = { original: string; replacement: string; count: number };
export type AnonymisedLetter = { document: LetterDocument; replacements: Replacement[] };

export const ANONYMISED = {
  citizen: '[borgeren]',
  name: '[navn]',
  address: '[adresse]',
  cpr: '[cpr-nr.]',
  email: '[e-mail]',
  phone: '[telefonnr.]',
  term: '[udeladt]',
} as const;

/** Every replacement word, for the preview's highlighting. */
export const ANONYMISED_WORDS: ReadonlyArray<string> = Object.values(ANONYMISED);

type Segment = { text: string; replaced: boolean };
type Pass = { pattern: RegExp; replacement: string };

const LETTER_OR_DIGIT = '\\p{L}\\p{N}';
const BEFORE = `(?<![${LETTER_OR_DIGIT}])`;
const AFTER = `(?![${LETTER_OR_DIGIT}])`;

/** A literal string as a regular expression (also the preview's highlighting of the replacements). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A literal phrase, whitespace between its words as any whitespace. */
function phrase(s: string): string {
  return s.trim().split(/\s+/u).map(escapeRegExp).join('\\s+');
}

/** Digits with any spaces, dashes or dots between them ("12 34 56 78", "010190-1234"). */
function digitsLoose(digits: string): string {
  return digits.split('').join('[\\s.-]?');
}

/** A name, also in the genitive ("Hansens", "Andreas'"). */
function namePattern(name: string, flags: string): RegExp {
  return new RegExp(`${BEFORE}${phrase(name)}(?:s|'s|'|’s|’)?${AFTER}`, flags);
}

function passesFor(p: PersonalData): Pass[] {
  const passes: Pass[] = [];
  const clean = (xs: ReadonlyArray<string>) => [...new Set(xs.map((x) => x.trim()).filter((x) => x !== ''))];
  // Longest first, so "Jens Peter Hansen" is replaced whole before "Jens Peter".
  const byLength = (xs: string[]) => xs.sort((a, b) => b.length - a.length);

  for (const e of clean(p.emails)) passes.push({ pattern: new RegExp(escapeRegExp(e), 'giu'), replacement: ANONYMISED.email });
  passes.push({ pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu, replacement: ANONYMISED.email });

  for (const c of clean(p.cprs)) {
    const digits = c.replace(/\D/g, '');
    if (digits.length >= 6) passes.push({ pattern: new RegExp(`${BEFORE}${digitsLoose(digits)}${AFTER}`, 'gu'), replacement: ANONYMISED.cpr });
  }
  // Anything shaped like a CPR number: a date as DDMMÅÅ, an optional dash or space, four digits.
  passes.push({ pattern: new RegExp(`${BEFORE}(?:0[1-9]|[12]\\d|3[01])(?:0[1-9]|1[0-2])\\d{2}[-\\s]?\\d{4}${AFTER}`, 'gu'), replacement: ANONYMISED.cpr });

  for (const ph of clean(p.phones)) {
    const digits = ph.replace(/\D/g, '');
    if (digits.length >= 6) {
      const local = digits.startsWith('45') && digits.length === 10 ? digits.slice(2) : digits;
      passes.push({ pattern: new RegExp(`${BEFORE}(?:(?:\\+|00)45[\\s-]?)?${digitsLoose(local)}${AFTER}`, 'gu'), replacement: ANONYMISED.phone });
    }
  }
  // Danish numbers as they are written: 8 digits together, in pairs or in fours, optionally +45.
  // Never with dashes, so a sagsnr (2026-0042) or an ISO date is not mistaken for one.
  passes.push({
    pattern: new RegExp(`${BEFORE}(?:(?:\\+|00)45\\s?)?(?:\\d{8}|\\d{2} \\d{2} \\d{2} \\d{2}|\\d{4} \\d{4})${AFTER}`, 'gu'),
    replacement: ANONYMISED.phone,
  });

  // Each address line whole ("Åvej 1, 2. tv"), then its parts ("Åvej 1", "2. tv"), longest first.
  const lines = clean(p.addresses).flatMap((a) => a.split(/\r?\n/u));
  byLength(clean([...lines, ...lines.flatMap((l) => l.split(','))]).filter((l) => l.length >= 3))
    .forEach((line) => passes.push({ pattern: new RegExp(`${BEFORE}${phrase(line)}${AFTER}`, 'giu'), replacement: ANONYMISED.address }));

  const names = p.names.map((n) => n.trim()).filter((n) => n !== '');
  const nameWord = (i: number) => (i === 0 ? ANONYMISED.citizen : ANONYMISED.name);
  // Whole names ignoring case; then each part of a name as it is written (capitalised), so the
  // first name alone or the surname alone is caught without replacing ordinary lower-case words.
  names.forEach((n, i) => passes.push({ pattern: namePattern(n, 'giu'), replacement: nameWord(i) }));
  const parts: Array<{ part: string; i: number }> = [];
  names.forEach((n, i) => {
    for (const part of n.split(/[\s-]+/u)) {
      // "de", "van", "von" are ordinary words too: only capitalised parts are looked for alone.
      const capitalised = /^\p{Lu}/u.test(part);
      if (capitalised && part.replace(/\./g, '').length >= 2 && !parts.some((x) => x.part === part)) parts.push({ part, i });
    }
  });
  parts.sort((a, b) => b.part.length - a.part.length);
  for (const { part, i } of parts) {
    passes.push({ pattern: namePattern(part, 'gu'), replacement: nameWord(i) });
    if (part.toLocaleUpperCase('da-DK') !== part) passes.push({ pattern: namePattern(part.toLocaleUpperCase('da-DK'), 'gu'), replacement: nameWord(i) });
  }

  for (const t of byLength(clean(p.extraTerms))) passes.push({ pattern: new RegExp(`${BEFORE}${phrase(t)}${AFTER}`, 'giu'), replacement: ANONYMISED.term });
  return passes;
}

class Anonymiser {
  private readonly counts = new Map<string, Replacement>();
  constructor(private readonly passes: ReadonlyArray<Pass>) {}

  text(input: string): string {
    let segments: Segment[] = [{ text: input, replaced: false }];
    for (const pass of this.passes) {
      segments = segments.flatMap((s) => (s.replaced ? [s] : this.split(s.text, pass)));
    }
    // "Şükrü Ærøs" found as two name parts reads as one "[borgeren]", not "[borgeren] [borgeren]".
    const merged: Segment[] = [];
    for (const s of segments) {
      const a = merged.at(-2);
      const gap = merged.at(-1);
      if (s.replaced && a?.replaced === true && a.text === s.text && gap !== undefined && !gap.replaced && /^[\s-]+$/u.test(gap.text)) merged.pop();
      else merged.push(s);
    }
    return merged.map((s) => s.text).join('');
  }

  private split(text: string, pass: Pass): Segment[] {
    const out: Segment[] = [];
    let last = 0;
    for (const m of text.matchAll(pass.pattern)) {
      const at = m.index;
      if (m[0] === '') continue;
      if (at > last) out.push({ text: text.slice(last, at), replaced: false });
      out.push({ text: pass.replacement, replaced: true });
      this.count(m[0], pass.replacement);
      last = at + m[0].length;
    }
    if (last < text.length) out.push({ text: text.slice(last), replaced: false });
    return out;
  }

  private count(original: string, replacement: string): void {
    const key = `${replacement}\u0000${original}`;
    const r = this.counts.get(key);
    if (r === undefined) this.counts.set(key, { original, replacement, count: 1 });
    else r.count += 1;
  }

  replacements(): Replacement[] {
    return [...this.counts.values()].sort((a, b) => a.replacement.localeCompare(b.replacement, 'da') || a.original.localeCompare(b.original, 'da'));
  }
}

function runs(a: Anonymiser, rs: ReadonlyArray<Inline>): Inline[] {
  return rs.map((r) => ({ ...r, text: a.text(r.text) }));
}

function block(a: Anonymiser, b: Block): Block {
  switch (b.kind) {
    case 'heading': return { ...b, text: a.text(b.text) };
    case 'paragraph': return { ...b, runs: runs(a, b.runs) };
    case 'list': return { ...b, items: b.items.map((item) => runs(a, item)) };
    case 'citation': return { ...b, reference: a.text(b.reference), text: a.text(b.text) };
    case 'signature': return { ...b, greeting: a.text(b.greeting) };
    case 'table': return { ...b, caption: a.text(b.caption), note: a.text(b.note), columns: b.columns.map((c) => ({ ...c, label: a.text(c.label) })), rows: b.rows.map((r) => r.map((c) => a.text(c))) };
    // A chart shows counts per forvaltning, theme and rule – never a person; its marks are positioned
    // text that a replacement of another length would misplace.
    case 'chart': return b;
    case 'pageBreak': return b;
  }
}

/** Lines that became the same replacement twice in a row ("[adresse]", "[adresse]") are said once. */
function lines(a: Anonymiser, ls: ReadonlyArray<string>): string[] {
  const out: string[] = [];
  for (const l of ls.map((x) => a.text(x))) if (!(ANONYMISED_WORDS.includes(l) && out.at(-1) === l)) out.push(l);
  return out;
}

export function anonymiseLetter(doc: LetterDocument, personal: PersonalData): AnonymisedLetter {
  const a = new Anonymiser(passesFor(personal));
  const document: LetterDocument = {
    meta: {
      ...doc.meta,
      title: a.text(doc.meta.title),
      subject: a.text(doc.meta.subject),
      keywords: doc.meta.keywords.map((k) => a.text(k)),
      author: a.text(doc.meta.author),
      runningHeader: a.text(doc.meta.runningHeader),
    },
    letterhead: {
      ...doc.letterhead,
      // The sender is the authority (its own address and telephone are meant to be published).
      recipient: lines(a, doc.letterhead.recipient),
      copyTo: lines(a, doc.letterhead.copyTo),
      reference: a.text(doc.letterhead.reference),
    },
    blocks: doc.blocks.map((b) => block(a, b)),
  };
  return { document, replacements: a.replacements() };
}

/**
 * The same replacements for plain texts (a retention run's free texts: the summary, klagepunkter,
 * journal notes …): one set of passes for all the texts of one henvendelse.
 */
export function textAnonymiser(personal: PersonalData): (text: string) => string {
  const a = new Anonymiser(passesFor(personal));
  return (text) => a.text(text);
}

/** A list of blocks (a finding's edited section) anonymised as the letter's blocks are. */
export function anonymiseBlocks(blocks: ReadonlyArray<Block>, personal: PersonalData): Block[] {
  const a = new Anonymiser(passesFor(personal));
  return blocks.map((b) => block(a, b));
}
