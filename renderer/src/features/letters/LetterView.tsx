/**
 * A LetterDocument as semantic HTML, looking like the A4 letter the PDF prints from the same value:
 * the letterhead in <address> blocks, headings, paragraphs with emphasis, lists, cited law in a
 * <blockquote>, the signature; a report's tables as real tables and its charts as SVG (ChartView). Renders the model's final wording as is – it never formats or translates.
 */
import { useMemo, type ReactNode } from 'react';
import { formatDanishDate } from '../../../../shared/domain/dates';
import { escapeRegExp } from '../../../../shared/letters/anonymise';
import type { Block, Inline, LetterDocument } from '../../../../shared/letters/document';
import { ChartView } from '../report/ChartView';

type Level = 1 | 2 | 3 | 4 | 5 | 6;

const NO_MARKS: ReadonlyArray<string> = [];

/**
 * The words to highlight (the anonymised version's replacements, for the adviser's review) as one
 * pattern made once per letter, or null; the same letter without them is exactly what prints.
 */
type Marks = RegExp | null;

function Marked({ text, marks }: Readonly<{ text: string; marks: Marks }>) {
  if (marks === null) return <>{text}</>;
  const parts = text.split(marks);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <mark key={i} className="letter-mark">{part}</mark> : part))}</>;
}

function Runs({ runs, marks }: Readonly<{ runs: ReadonlyArray<Inline>; marks: Marks }>) {
  return (
    <>
      {runs.map((r, i) => {
        const text = <Marked text={r.text} marks={marks} />;
        return r.emphasis === 'strong' ? <strong key={i}>{text}</strong> : r.emphasis === 'em' ? <em key={i}>{text}</em> : <span key={i}>{text}</span>;
      })}
    </>
  );
}

function Heading({ level, children }: Readonly<{ level: Level; children: ReactNode }>) {
  const Tag = `h${level}` as const;
  return <Tag className={`letter-h letter-h--${level}`}>{children}</Tag>;
}

function BlockView({ block, base, marks }: Readonly<{ block: Block; base: number; marks: Marks }>) {
  switch (block.kind) {
    case 'heading':
      return <Heading level={Math.min(6, base + block.level - 1) as Level}><Marked text={block.text} marks={marks} /></Heading>;
    case 'paragraph':
      return <p><Runs runs={block.runs} marks={marks} /></p>;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}><Runs runs={item} marks={marks} /></li>);
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'citation':
      return (
        <blockquote className="letter-citation">
          <p className="letter-citation-ref"><Marked text={block.reference} marks={marks} /></p>
          {block.text === '' ? null : <p><Marked text={block.text} marks={marks} /></p>}
        </blockquote>
      );
    case 'signature':
      return (
        <div className="letter-signature">
          <p>{block.greeting}</p>
          <p className="letter-signature-name">{block.name}</p>
          <p>{block.title}</p>
        </div>
      );
    case 'table': {
      // A first text column names its row (the forvaltning, the theme): a row header.
      const rowHeader = block.columns[0]?.kind === 'text';
      const num = (i: number) => (block.columns[i]?.kind === 'number' ? 'num' : undefined);
      return (
        <table className="letter-table">
          <caption>
            <Marked text={block.caption} marks={marks} />
            {block.note === '' ? null : <span className="letter-table-note"><Marked text={block.note} marks={marks} /></span>}
          </caption>
          <thead>
            <tr>{block.columns.map((c, i) => <th key={i} scope="col" className={num(i)}>{c.label}</th>)}</tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (i === 0 && rowHeader
                  ? <th key={i} scope="row"><Marked text={cell} marks={marks} /></th>
                  : <td key={i} className={num(i)}><Marked text={cell} marks={marks} /></td>))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case 'chart':
      return <ChartView chart={block.chart} />;
    case 'pageBreak':
      return <hr className="letter-page-break" />;
  }
}

/**
 * `baseLevel` is the HTML level of the letter's title: 1 when the letter is the page, deeper when it
 * is shown inside a page that already has its own headings, so the outline stays in order.
 */
export function LetterView({ document, baseLevel = 1, label, marks = NO_MARKS }: Readonly<{ document: LetterDocument; baseLevel?: Level; label?: string; marks?: ReadonlyArray<string> }>) {
  const pattern = useMemo(() => (marks.length === 0 ? null : new RegExp(`(${marks.map(escapeRegExp).join('|')})`, 'u')), [marks]);
  const { letterhead: lh } = document;
  return (
    <article className="letter" lang="da" aria-label={label ?? document.meta.title}>
      <header className="letter-head">
        <address className="letter-sender">{lh.sender.map((l, i) => <span key={i}>{l}</span>)}</address>
        {lh.recipient.length > 0 ? <address className="letter-recipient">{lh.recipient.map((l, i) => <span key={i}><Marked text={l} marks={pattern} /></span>)}</address> : null}
        <p className="letter-meta">
          <span>{formatDanishDate(lh.date)}</span>
          <span>{lh.reference}</span>
        </p>
        {lh.copyTo.map((l, i) => <p key={i} className="letter-copy"><Marked text={l} marks={pattern} /></p>)}
      </header>
      <div className="letter-body">
        {document.blocks.map((b, i) => <BlockView key={i} block={b} base={baseLevel} marks={pattern} />)}
      </div>
    </article>
  );
}
