/**
 * A LetterDocument as semantic HTML, looking like the A4 letter the PDF prints from the same value:
 * the letterhead in <address> blocks, headings, paragraphs with emphasis, lists, cited law in a
 * <blockquote>, the signature. Renders the model's final wording as is – it never formats or translates.
 */
import type { ReactNode } from 'react';
import { formatDanishDate } from '../../../../shared/domain/dates';
import type { Block, Inline, LetterDocument } from '../../../../shared/letters/document';

type Level = 1 | 2 | 3 | 4 | 5 | 6;

function Runs({ runs }: Readonly<{ runs: ReadonlyArray<Inline> }>) {
  return (
    <>
      {runs.map((r, i) =>
        r.emphasis === 'strong' ? <strong key={i}>{r.text}</strong> : r.emphasis === 'em' ? <em key={i}>{r.text}</em> : <span key={i}>{r.text}</span>,
      )}
    </>
  );
}

function Heading({ level, children }: Readonly<{ level: Level; children: ReactNode }>) {
  const Tag = `h${level}` as const;
  return <Tag className={`letter-h letter-h--${level}`}>{children}</Tag>;
}

function BlockView({ block, base }: Readonly<{ block: Block; base: number }>) {
  switch (block.kind) {
    case 'heading':
      return <Heading level={Math.min(6, base + block.level - 1) as Level}>{block.text}</Heading>;
    case 'paragraph':
      return <p><Runs runs={block.runs} /></p>;
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}><Runs runs={item} /></li>);
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'citation':
      return (
        <blockquote className="letter-citation">
          <p className="letter-citation-ref">{block.reference}</p>
          {block.text === '' ? null : <p>{block.text}</p>}
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
  }
}

/**
 * `baseLevel` is the HTML level of the letter's title: 1 when the letter is the page, deeper when it
 * is shown inside a page that already has its own headings, so the outline stays in order.
 */
export function LetterView({ document, baseLevel = 1, label }: Readonly<{ document: LetterDocument; baseLevel?: Level; label?: string }>) {
  const { letterhead: lh } = document;
  return (
    <article className="letter" lang="da" aria-label={label ?? document.meta.title}>
      <header className="letter-head">
        <address className="letter-sender">{lh.sender.map((l, i) => <span key={i}>{l}</span>)}</address>
        {lh.recipient.length > 0 ? <address className="letter-recipient">{lh.recipient.map((l, i) => <span key={i}>{l}</span>)}</address> : null}
        <p className="letter-meta">
          <span>{formatDanishDate(lh.date)}</span>
          <span>{lh.reference}</span>
        </p>
        {lh.copyTo.map((l, i) => <p key={i} className="letter-copy">{l}</p>)}
      </header>
      <div className="letter-body">
        {document.blocks.map((b, i) => <BlockView key={i} block={b} base={baseLevel} />)}
      </div>
    </article>
  );
}
