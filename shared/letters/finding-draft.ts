/**
 * The finding's auto-draft: a LetterDocument built from the case's own data (FindingSource), in the
 * order a borgerrådgiver's udtalelse is read (peers.md § 5): what you complained about, what happened,
 * what the forvaltning said, the assessment of each klagepunkt, henstillinger, what happens now.
 * A part the case has no data for is left out rather than printed empty, so the draft never shows an
 * empty heading the adviser must remember to delete. Pure: the same source gives the same letter.
 */
import { formatDanishDate } from '../domain/dates';
import { letterCitation, verificationMark } from '../domain/rule';
import type { Block, LetterDocument } from './document';
import { DEFAULT_FINDING_PHRASES, type FindingPhrases } from './finding-phrases';
import { senderLines } from './letterhead-settings';
import { findingAddressees, letterTo } from './finding-variant';
import type { FindingPoint, FindingRequest, FindingSource } from './finding-source';

const KIND_WORDS: Readonly<Record<FindingRequest['kind'], string>> = {
  redegoerelse: 'en redegørelse',
  akter: 'sagens akter',
  udtalelse: 'en udtalelse',
};

/** Section keys, so an editor can replace one part and a renderer keep a heading with its text. */
export const FINDING_SECTIONS = {
  title: 'titel',
  opening: 'indledning',
  complaint: 'klage',
  chronology: 'forloeb',
  explanation: 'redegoerelse',
  point: (position: number) => `klagepunkt-${position}`,
  recommendations: 'henstillinger',
  next: 'hvad-nu',
  signature: 'underskrift',
} as const;

/**
 * Where a section belongs in the letter, for an edited section the automatic draft no longer has
 * (applySectionEdits): the order of FINDING_SECTIONS, the klagepunkter by number.
 */
export function findingSectionRank(key: string): number {
  const fixed = ['titel', 'indledning', 'klage', 'forloeb', 'redegoerelse'];
  const at = fixed.indexOf(key);
  if (at >= 0) return at;
  const point = /^klagepunkt-(\d+)$/u.exec(key);
  if (point !== null) return 100 + Number(point[1]);
  const late = ['henstillinger', 'hvad-nu', 'underskrift'].indexOf(key);
  return late >= 0 ? 1_000_000 + late : 999_999;
}

function p(text: string, section: string): Block {
  return { kind: 'paragraph', runs: [{ text }], section };
}

function h(level: 1 | 2 | 3, text: string, section: string): Block {
  return { kind: 'heading', level, text, section };
}

type Dated = Readonly<{ onDate: string; text: string; order: number }>;

/** Every dated step, oldest first; on the same day in the order things happen (sent before answered). */
function chronology(src: FindingSource, ph: FindingPhrases): Dated[] {
  const steps: Dated[] = [{ onDate: src.receivedOn, text: ph.chronology.received, order: 0 }];
  for (const r of src.requests) {
    steps.push({ onDate: r.sentOn, text: ph.chronology.requestSent(r.forvaltning, KIND_WORDS[r.kind]), order: 1 });
    for (const rem of r.reminders) steps.push({ onDate: rem.onDate, text: ph.chronology.reminder(r.forvaltning, rem.level), order: 2 });
    if (r.answeredOn !== null) steps.push({ onDate: r.answeredOn, text: ph.chronology.answered(r.forvaltning), order: 3 });
  }
  for (const m of src.meetings) steps.push({ onDate: m.onDate, text: ph.chronology.meeting(m.text), order: 4 });
  // Stable sort: same day and same kind keep the source's order.
  return steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.onDate < b.s.onDate ? -1 : a.s.onDate > b.s.onDate ? 1 : a.s.order - b.s.order || a.i - b.i))
    .map((x) => x.s);
}

function pointBlocks(pt: FindingPoint, n: number, ph: FindingPhrases): Block[] {
  const key = FINDING_SECTIONS.point(n);
  const out: Block[] = [h(3, ph.pointHeading(n, pt.description), key)];
  const breached = pt.rules.filter((r) => r.assessment === 'ikke_overholdt');
  if (breached.length > 0) out.push(p(ph.rulesIntro, key));
  for (const r of breached) {
    const c = letterCitation(r);
    const mark = verificationMark(r.verification);
    // A rule not fully verified is cited without restating it (letterCitation) and carries a visible
    // note, so the adviser checks the reference before the letter goes out.
    const text = [c.summary ?? '', mark === null ? '' : ph.unverifiedNote].filter((t) => t !== '').join(' ');
    out.push({ kind: 'citation', reference: c.citation, text, section: key });
  }
  for (const r of pt.rules) {
    if (r.reasoning.trim() !== '') out.push(p(r.reasoning.trim(), key));
  }
  if (pt.outcome !== null) {
    const conclusion = ph.conclusion(pt.outcome, pt.description);
    if (conclusion !== null) out.push({ kind: 'paragraph', runs: [{ text: conclusion, emphasis: 'strong' }], section: key });
  }
  return out;
}

export function draftFinding(src: FindingSource, ph: FindingPhrases = DEFAULT_FINDING_PHRASES): LetterDocument {
  const S = FINDING_SECTIONS;
  const d = formatDanishDate;
  const points = [...src.points].sort((a, b) => a.position - b.position);
  const blocks: Block[] = [h(1, ph.title, S.title), p(ph.opening({ receivedOn: d(src.receivedOn), summary: src.summary }), S.opening)];

  if (points.length > 0) {
    blocks.push(h(2, ph.complaintHeading, S.complaint), p(ph.complaintIntro, S.complaint), {
      kind: 'list',
      ordered: true,
      items: points.map((pt) => {
        const where = [pt.forvaltning, pt.afdeling].filter((x): x is string => x !== null && x !== '').join(', ');
        return where === '' ? [{ text: pt.description.trim() }] : [{ text: pt.description.trim() }, { text: ` (${where})`, emphasis: 'em' as const }];
      }),
      section: S.complaint,
    });
  }

  const steps = chronology(src, ph);
  // The receipt alone is already in the opening; a chronology needs at least one further step.
  if (steps.length > 1) {
    blocks.push(h(2, ph.chronologyHeading, S.chronology), {
      kind: 'list',
      ordered: false,
      items: steps.map((s) => [{ text: `${d(s.onDate)}: `, emphasis: 'strong' as const }, { text: s.text }]),
      section: S.chronology,
    });
  }

  const answered = src.requests.filter((r) => r.answeredOn !== null && r.answerSummary.trim() !== '');
  if (answered.length > 0) {
    blocks.push(h(2, ph.explanationHeading, S.explanation));
    for (const r of answered) {
      blocks.push(p(ph.explanationLine({ forvaltning: r.forvaltning, answeredOn: d(r.answeredOn), summary: r.answerSummary }), S.explanation));
    }
  }

  points.forEach((pt, i) => blocks.push(...pointBlocks(pt, i + 1, ph)));

  const recs = src.recommendations.filter((r) => r.text.trim() !== '');
  if (recs.length > 0) {
    blocks.push(h(2, ph.recommendationsHeading, S.recommendations));
    for (const r of recs) {
      blocks.push(p(ph.recommendation(r.forvaltning, r.text), S.recommendations));
      if (r.followUpOn !== null) blocks.push(p(ph.recommendationReply(r.forvaltning, d(r.followUpOn)), S.recommendations));
    }
  }

  blocks.push(h(2, ph.nextHeading, S.next), p(ph.notADecision, S.next));
  // Only a klagefrist still running is told, and always its recorded date: never promise more time.
  if (src.klagefrist !== null && src.klagefrist.dueOn >= src.date) {
    blocks.push(p(ph.klagefrist({ dueOn: d(src.klagefrist.dueOn), klageinstans: src.klagefrist.klageinstans }), S.next));
  }
  blocks.push(p(ph.ombudsman, S.next));
  blocks.push({ kind: 'signature', greeting: ph.greeting, name: src.adviser.name, title: src.adviser.title, section: S.signature });

  const to = findingAddressees(src);
  const doc: LetterDocument = {
    meta: {
      title: `${ph.title} i sag ${src.sagsnr}`,
      subject: src.summary.trim(),
      keywords: [ph.title, src.sagsnr, ...to.forvaltninger],
      author: src.adviser.name,
      language: 'da-DK',
      runningHeader: `${ph.title} · Sagsnr. ${src.sagsnr}`,
    },
    letterhead: {
      sender: senderLines(src.letterhead),
      recipient: [],
      copyTo: [],
      date: src.date,
      reference: `Sagsnr. ${src.sagsnr}`,
      logo: src.letterhead.logo,
    },
    blocks,
  };
  // The letter to the citizen is the draft; the forvaltning's copy is the same letter readdressed.
  return letterTo(doc, 'borger', to, ph);
}
