/**
 * The tagged-PDF layer pdf-lib lacks: a logical structure (Document → H1/H2/H3, P, L/LI/Lbl/LBody,
 * BlockQuote, Table/Caption/TR/TH/TD, Figure with its /Alt) built as plain data while the letter is laid out, marked-content operators around every
 * piece drawn, and at the end the /StructTreeRoot with its /ParentTree, /MarkInfo and per-page
 * /StructParents (ISO 32000-1 § 14.7–14.8). Page furniture (running header, footer, rules, the logo)
 * is marked /Artifact so assistive technology skips it.
 */
import { type PDFArray, type PDFDict, PDFHexString, PDFName, PDFNumber, PDFOperator, PDFOperatorNames, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';

export type StructType =
  | 'Document' | 'H1' | 'H2' | 'H3' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'BlockQuote'
  | 'Table' | 'Caption' | 'TR' | 'TH' | 'TD' | 'Figure';

/** One structure element; `kids` in reading order: elements and marked-content pieces. */
export interface StructNode {
  readonly type: StructType;
  readonly kids: Array<StructNode | { page: number; mcid: number }>;
  /** The alternate description (/Alt) a figure is read as. */
  alt?: string;
  /** A header cell's scope (/A << /O /Table /Scope … >>). */
  scope?: 'Column' | 'Row';
  /** Where a figure lies on its page, in points: left, bottom, right, top (/A << /O /Layout /BBox … >>). */
  bbox?: [number, number, number, number];
}

export function structNode(type: StructType, parent?: StructNode): StructNode {
  const node: StructNode = { type, kids: [] };
  parent?.kids.push(node);
  return node;
}

export class Tagger {
  /** Per page: the element owning each MCID, in MCID order (that is the /ParentTree's array). */
  private readonly owners: StructNode[][] = [];

  constructor(readonly root: StructNode) {}

  /** Draw `draw` as a marked-content piece of `node` on page `pageIndex`. */
  content(page: PDFPage, pageIndex: number, node: StructNode, draw: () => void): void {
    const owners = (this.owners[pageIndex] ??= []);
    const mcid = owners.length;
    owners.push(node);
    node.kids.push({ page: pageIndex, mcid });
    // The property list inline, as text: pdf-lib's operator arguments do not take a PDFDict.
    page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of(node.type), `<< /MCID ${mcid} >>`]));
    draw();
    page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
  }

  /** Draw page furniture: outside the structure tree. */
  artifact(page: PDFPage, kind: 'Pagination' | 'Layout', draw: () => void): void {
    page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Artifact'), `<< /Type /${kind} >>`]));
    draw();
    page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
  }

  /** Write the structure tree into the catalog; call once, after every page is drawn. */
  finish(pdf: PDFDocument): void {
    const ctx = pdf.context;
    const pages = pdf.getPages();
    const refs = new Map<StructNode, PDFRef>();
    const walk = (n: StructNode) => {
      refs.set(n, ctx.nextRef());
      for (const k of n.kids) if ('type' in k) walk(k);
    };
    walk(this.root);
    const treeRoot = ctx.nextRef();

    const write = (n: StructNode, parent: PDFRef) => {
      const ref = refs.get(n) as PDFRef;
      const kids = ctx.obj([]) as PDFArray;
      let pageOfAll: number | undefined;
      for (const k of n.kids) {
        if ('type' in k) {
          kids.push(refs.get(k) as PDFRef);
          write(k, ref);
        } else {
          const page = pages[k.page] as PDFPage;
          pageOfAll = pageOfAll ?? k.page;
          // A marked-content reference names its page, so one element may run across a page break.
          kids.push(ctx.obj({ Type: 'MCR', Pg: page.ref, MCID: k.mcid }));
        }
      }
      const dict = ctx.obj({ Type: 'StructElem', S: n.type, P: parent, K: kids }) as PDFDict;
      if (pageOfAll !== undefined) dict.set(PDFName.of('Pg'), (pages[pageOfAll] as PDFPage).ref);
      if (n.alt !== undefined) dict.set(PDFName.of('Alt'), PDFHexString.fromText(n.alt));
      if (n.scope !== undefined) dict.set(PDFName.of('A'), ctx.obj({ O: 'Table', Scope: n.scope }));
      if (n.bbox !== undefined) dict.set(PDFName.of('A'), ctx.obj({ O: 'Layout', BBox: n.bbox.map((v) => Math.round(v * 100) / 100) }));
      ctx.assign(ref, dict);
    };
    write(this.root, treeRoot);

    const nums = ctx.obj([]) as PDFArray;
    pages.forEach((page, i) => {
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(i));
      // Tab order follows the structure (PDF/UA asks it; harmless for the rest).
      page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
      nums.push(PDFNumber.of(i));
      nums.push(ctx.obj((this.owners[i] ?? []).map((n) => refs.get(n) as PDFRef)));
    });
    ctx.assign(
      treeRoot,
      ctx.obj({ Type: 'StructTreeRoot', K: refs.get(this.root) as PDFRef, ParentTree: ctx.obj({ Nums: nums }), ParentTreeNextKey: pages.length }),
    );
    pdf.catalog.set(PDFName.of('StructTreeRoot'), treeRoot);
    pdf.catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
  }
}
