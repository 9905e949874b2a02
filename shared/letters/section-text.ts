/**
 * A section of a letter as text the adviser edits, and back. The finding's draft is the auto-draft
 * with the sections the adviser has rewritten put in place of the automatic ones (applySectionEdits),
 * so a section edited stays as written while the rest still follows the case.
 *
 * The text is a small, forgiving markup that reads like the letter itself (blocks apart by a blank line):
 *
 *   ## Overskrift          a section heading (### a sub-heading, e.g. one klagepunkt)
 *   Almindelig tekst …     a paragraph; lines that follow are joined with a space
 *   **fed** og *kursiv*    emphasis inside a paragraph or a list item (\* is a plain asterisk)
 *   - punkt                a bulleted list, one item per line
 *   1. punkt               a numbered list (the numbers are renumbered when printed)
 *   > Forvaltningsloven § 19, stk. 1 …
 *   > Resumé af reglen.    a cited rule: the first line is the citation, the rest its summary
 *
 * The title and the signature are not edited here (they come from the case and the settings).
 */
import type { Block, Inline, LetterDocument } from './document';

export type SectionEdit = Readonly<{ section: string; blocks: ReadonlyArray<Block> }>;

/** Labels of sections that have no heading of their own. */
const UNHEADED_LABELS: Readonly<Record<string, string>> = { indledning: 'Indledning' };
const NOT_EDITABLE: ReadonlySet<string> = new Set(['titel', 'underskrift']);
const LABEL_MAX = 70;

/** The editable sections of a letter in reading order, each labelled by its heading. */
export function findingSectionList(doc: LetterDocument): Array<{ key: string; label: string }> {
  const out: Array<{ key: string; label: string }> = [];
  for (const b of doc.blocks) {
    const key = b.section;
    if (key === undefined || NOT_EDITABLE.has(key) || out.some((s) => s.key === key)) continue;
    const heading = doc.blocks.find((x) => x.section === key && x.kind === 'heading');
    const text = heading?.kind === 'heading' ? heading.text : (UNHEADED_LABELS[key] ?? key);
    out.push({ key, label: text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1).trimEnd()}…` : text });
  }
  return out;
}

export function sectionBlocks(doc: LetterDocument, key: string): Block[] {
  return doc.blocks.filter((b) => b.section === key);
}

// ---------------------------------------------------------------------------------------------
// Blocks → text

function escapeInline(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\*/g, '\\*');
}

/** Emphasis markers hug the words: surrounding spaces stay outside, so "**05.12.2026:** Jeg …" reads well. */
function runsText(runs: ReadonlyArray<Inline>): string {
  return runs
    .map((r) => {
      if (r.emphasis === undefined || r.text.trim() === '') return escapeInline(r.text);
      const m = /^(\s*)([\s\S]*?)(\s*)$/u.exec(r.text) as RegExpExecArray;
      const mark = r.emphasis === 'strong' ? '**' : '*';
      return `${m[1]}${mark}${escapeInline(m[2] as string)}${mark}${m[3]}`;
    })
    .join('');
}

/** A paragraph whose text would read as another kind of block is escaped with a leading backslash. */
function paragraphLine(text: string): string {
  return /^(#{1,3} |- |\d+\. |> |\\)/u.test(text) ? `\\${text}` : text;
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}

export function sectionText(blocks: ReadonlyArray<Block>): string {
  const parts: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        parts.push(`${'#'.repeat(Math.max(2, b.level))} ${escapeInline(oneLine(b.text))}`);
        break;
      case 'paragraph':
        parts.push(paragraphLine(oneLine(runsText(b.runs))));
        break;
      case 'list':
        parts.push(b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${oneLine(runsText(item))}`).join('\n'));
        break;
      case 'citation':
        parts.push([`> ${escapeInline(oneLine(b.reference))}`, ...(b.text.trim() === '' ? [] : [`> ${escapeInline(oneLine(b.text))}`])].join('\n'));
        break;
      case 'signature':
      case 'table':
      case 'chart':
      case 'pageBreak':
        // Not written as section markup: the title and signature come from the case, tables and charts from the statistics.
        break;
    }
  }
  return parts.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Text → blocks

/** Emphasis: "**…**" strong, "*…*" em, "\*" a plain asterisk; a marker never closed is plain text. */
export function parseInline(text: string): Inline[] {
  const runs: Inline[] = [];
  let plain = '';
  const push = (t: string, emphasis?: 'strong' | 'em') => {
    if (t === '') return;
    const last = runs.at(-1);
    if (last !== undefined && last.emphasis === emphasis) last.text += t;
    else runs.push(emphasis === undefined ? { text: t } : { text: t, emphasis });
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '\\' && i + 1 < text.length) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === '*') {
      const marker = text.startsWith('**', i) ? '**' : '*';
      const close = findClose(text, i + marker.length, marker);
      if (close > i + marker.length) {
        push(plain);
        plain = '';
        push(unescape(text.slice(i + marker.length, close)), marker === '**' ? 'strong' : 'em');
        i = close + marker.length;
        continue;
      }
    }
    plain += ch;
    i += 1;
  }
  push(plain);
  return runs.length === 0 ? [{ text: '' }] : runs;
}

function findClose(text: string, from: number, marker: string): number {
  for (let j = from; j < text.length; j += 1) {
    if (text[j] === '\\') {
      j += 1;
      continue;
    }
    if (text.startsWith(marker, j) && (marker === '**' || text[j + 1] !== '*')) return j;
  }
  return -1;
}

function unescape(text: string): string {
  return text.replace(/\\([\s\S])/g, '$1');
}

type Parsed = { ok: true; blocks: Block[] } | { ok: false; message: string };

/**
 * The adviser's text as blocks of `section`. An empty text is an empty section (it is then left out of
 * the letter). Problems are told in Danish with the line they are on.
 */
export function parseSectionText(text: string, section: string): Parsed {
  const blocks: Block[] = [];
  let para: string[] | null = null;
  let list: { ordered: boolean; items: string[] } | null = null;
  let cite: string[] | null = null;

  const flush = () => {
    if (para !== null) blocks.push({ kind: 'paragraph', runs: parseInline(para.join(' ')), section });
    if (list !== null) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(parseInline), section });
    if (cite !== null) blocks.push({ kind: 'citation', reference: cite[0] as string, text: cite.slice(1).join(' '), section });
    para = null;
    list = null;
    cite = null;
  };

  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let n = 0; n < lines.length; n += 1) {
    const raw = lines[n] as string;
    const line = raw.trim();
    const where = `linje ${n + 1}`;
    if (line === '') {
      flush();
      continue;
    }
    const heading = /^(#{1,6})\s*(.*)$/u.exec(line);
    if (heading !== null) {
      flush();
      const hashes = (heading[1] as string).length;
      const body = (heading[2] as string).trim();
      if (hashes === 1) return { ok: false, message: `Brevets titel kan ikke ændres i et afsnit (${where}). Brug ## for en overskrift.` };
      if (hashes > 3) return { ok: false, message: `Brug ## eller ### for en overskrift (${where}).` };
      if (body === '') return { ok: false, message: `Overskriften i ${where} er tom.` };
      blocks.push({ kind: 'heading', level: hashes as 2 | 3, text: unescape(body), section });
      continue;
    }
    const item = /^(-|\d+\.)\s+(.*)$/u.exec(line);
    if (item !== null) {
      const ordered = item[1] !== '-';
      if (list === null || list.ordered !== ordered) {
        flush();
        list = { ordered, items: [] };
      }
      list.items.push(item[2] as string);
      continue;
    }
    if (line === '>' || line.startsWith('> ')) {
      const body = line.slice(1).trim();
      if (cite === null) {
        flush();
        if (body === '') return { ok: false, message: `En henvisning skal begynde med lov og paragraf efter ">" (${where}).` };
        cite = [unescape(body)];
      } else if (body !== '') cite.push(unescape(body));
      continue;
    }
    // A line indented under a list item continues it; any other line joins the paragraph.
    if (list !== null && /^\s/u.test(raw)) {
      const items: string[] = list.items;
      items[items.length - 1] = `${items[items.length - 1] as string} ${line}`;
      continue;
    }
    if (list !== null || cite !== null) flush();
    if (para === null) para = [];
    para.push(line);
  }
  flush();
  return { ok: true, blocks };
}

// ---------------------------------------------------------------------------------------------
// Edits → letter

/**
 * The letter with each edited section's blocks put in place of the automatic ones. A section the
 * automatic draft no longer has (its data is gone) is kept where `rank` orders it, before the first
 * later section, so nothing the adviser wrote silently disappears.
 */
export function applySectionEdits(doc: LetterDocument, edits: ReadonlyArray<SectionEdit>, rank: (key: string) => number = () => Number.MAX_SAFE_INTEGER): LetterDocument {
  let blocks: Block[] = [...doc.blocks];
  for (const edit of edits) {
    const replacement = edit.blocks.map((b) => ({ ...b, section: edit.section }));
    const first = blocks.findIndex((b) => b.section === edit.section);
    if (first >= 0) {
      blocks = [...blocks.slice(0, first).filter((b) => b.section !== edit.section), ...replacement, ...blocks.slice(first).filter((b) => b.section !== edit.section)];
      continue;
    }
    const mine = rank(edit.section);
    let at = blocks.findIndex((b) => b.section !== undefined && rank(b.section) > mine);
    if (at < 0) at = blocks.findIndex((b) => b.kind === 'signature');
    if (at < 0) at = blocks.length;
    blocks = [...blocks.slice(0, at), ...replacement, ...blocks.slice(at)];
  }
  return { ...doc, blocks };
}
