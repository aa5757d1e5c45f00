import PDFDocument from 'pdfkit';
import type { Language } from '../../../core/instrument';
import { Printable, registerFonts } from './fonts';

export const INK = '#1b2440';

/** A box on the page, in points from the top left. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'right' | 'center';
  /** The smallest size a line shrinks to before it ends in "…" (5.5 pt unless said). */
  minSize?: number;
}

/** What every PDF of the product says about itself. */
export interface PdfOptions {
  lang: Language;
  /** The document's title: the first heading, and the reader's window title. */
  title: string;
  subject?: string;
  /** Folder with the embedded fonts (assets/fonts). */
  fontsDir: string;
  margin?: number;
}

/** pdfkit's structure options beyond its type definitions: table header scope and a layout box. */
type StructOptions = PDFKit.Mixins.StructureElementOptions & {
  scope?: 'Row' | 'Column' | 'Both';
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
};
type Child = PDFKit.PDFStructureElementChild;

/** One cell of a tagged table: a header (of its column or of its row) or data, drawn by `draw`. */
export interface TableCell {
  header?: 'Column' | 'Row';
  /** What a screen reader says instead of what is drawn ("hidden (fewer than 5 …)" for an "x"). */
  actual?: string;
  draw: () => void;
}

const SMALLEST = 5.5;

/**
 * A text alternative needs no glyphs: a screen reader may name an emoji the page prints as "�", so it keeps every
 * character but control characters.
 */
const spoken = (text: string): string => text.replace(/\p{Cc}+/gu, ' ');

/**
 * The one way the product writes a PDF: tagged PDF/UA-1 with pdfkit. The document language, the title as the window
 * title, the fonts embedded (with every character made printable, fonts.ts), and a structure tree in reading order:
 * one H1, H2 sections, paragraphs, tables with header cells, figures with a text alternative. Whatever is drawn
 * outside those is marked as an artifact (decoration a screen reader skips). Text never flows onto a new page: a
 * line that is too long shrinks, then ends in "…"; a paragraph stops at its height.
 */
export class TaggedPdf {
  readonly pdf: PDFKit.PDFDocument;
  readonly lang: Language;
  private readonly root: PDFKit.PDFStructureElement;
  private readonly printable: Printable;
  private readonly done: Promise<Buffer>;

  constructor(options: PdfOptions) {
    this.lang = options.lang;
    this.pdf = new PDFDocument({
      size: 'A4',
      margin: options.margin ?? 40,
      pdfVersion: '1.7',
      tagged: true,
      // pdfkit's types know PDF/A only; PDF/UA is a subset it writes (the pdfuaid metadata).
      subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
      lang: options.lang,
      displayTitle: true,
      info: { Title: options.title, Author: 'De Ideale Ambtenaar', Subject: options.subject ?? options.title },
    });
    const chunks: Buffer[] = [];
    this.pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    this.done = new Promise((resolve) => this.pdf.on('end', () => resolve(Buffer.concat(chunks))));
    // The language in the metadata too, where tools that read only XMP find it.
    this.pdf.appendXML(
      `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:language><rdf:Bag><rdf:li>${options.lang}</rdf:li></rdf:Bag></dc:language></rdf:Description>`,
    );
    registerFonts(this.pdf, options.fontsDir);
    this.printable = new Printable(this.pdf);
    this.root = this.pdf.struct('Document');
    this.pdf.addStructure(this.root);
  }

  get width(): number {
    return this.pdf.page.width;
  }

  get height(): number {
    return this.pdf.page.height;
  }

  /** The text as it will print (see Printable): for measuring, and for alternatives that must match the page. */
  clean(text: string): string {
    return this.printable.text(text);
  }

  private font(style: TextStyle, size: number): void {
    this.pdf
      .font(style.bold ? 'Bold' : 'Body')
      .fontSize(size)
      .fillColor(style.color ?? INK);
  }

  /**
   * One line of text in `width`: shrinks down to 5.5 pt to fit, then ends in "…". Untagged by itself: call it inside
   * a heading, paragraph, cell or figure.
   */
  line(text: string, x: number, y: number, width: number, style: TextStyle = {}): void {
    let shown = this.clean(text);
    let size = style.size ?? 9;
    this.font(style, size);
    const smallest = style.minSize ?? SMALLEST;
    while (size > smallest && this.pdf.widthOfString(shown) > width) this.pdf.fontSize((size -= 0.5));
    if (this.pdf.widthOfString(shown) > width) {
      const parts = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(shown)].map(
        (s) => s.segment,
      );
      let keep = parts.length;
      while (keep > 0 && this.pdf.widthOfString(`${parts.slice(0, keep).join('').trimEnd()}…`) > width) keep--;
      shown = `${parts.slice(0, keep).join('').trimEnd()}…`;
    }
    this.pdf.text(shown, x, y, {
      width,
      height: size * 1.6,
      align: style.align ?? 'left',
      lineBreak: false,
    });
  }

  /** Wrapped text in `width`, at most `height` tall (the last line then ends in "…"); returns the y below it. */
  wrap(text: string, x: number, y: number, width: number, height: number, style: TextStyle = {}): number {
    const shown = this.clean(text);
    this.font(style, style.size ?? 9);
    const used = Math.min(height, this.pdf.heightOfString(shown, { width }));
    this.pdf.text(shown, x, y, { width, height, ellipsis: true, align: style.align ?? 'left' });
    return y + used;
  }

  private add(type: string, options: StructOptions, draw: () => void, parent = this.root): void {
    parent.add(this.pdf.struct(type, options, draw as Child));
  }

  /** The title (level 1, once) or a section heading (level 2): on one line, or wrapped up to `style.height`. */
  heading(
    level: 1 | 2,
    text: string,
    x: number,
    y: number,
    width: number,
    style: TextStyle & { height?: number } = {},
  ): void {
    const shown = { bold: true, size: level === 1 ? 20 : 12.5, ...style };
    this.add(`H${level}`, {}, () => {
      if (style.height === undefined) this.line(text, x, y, width, shown);
      else this.wrap(text, x, y, width, style.height, shown);
    });
  }

  /** How tall `text` wraps in `width` in `style`, to make room for it before it is drawn. */
  textHeight(text: string, width: number, style: TextStyle = {}): number {
    this.font(style, style.size ?? 9);
    return this.pdf.heightOfString(this.clean(text), { width });
  }

  /** A paragraph: one line (shrunk to fit) without `height`, else wrapped up to `height`. Returns the y below it. */
  paragraph(text: string, x: number, y: number, width: number, style: TextStyle & { height?: number } = {}): number {
    let bottom = y + (style.size ?? 9) * 1.25;
    this.add('P', {}, () => {
      if (style.height === undefined) this.line(text, x, y, width, style);
      else bottom = this.wrap(text, x, y, width, style.height, style);
    });
    return bottom;
  }

  /** A chart or picture: what `draw` puts on the page, read out as `alt` (its finding, then its numbers). */
  figure(alt: string, box: Box, draw: () => void): void {
    this.add(
      'Figure',
      { alt: spoken(alt), bbox: [box.x, box.y, box.x + box.w, box.y + box.h], placement: 'Block' },
      draw,
    );
  }

  /** A table, row by row: each row's cells in reading order, the first row usually the column headers. */
  table(rows: TableCell[][]): void {
    const table = this.pdf.struct('Table');
    this.root.add(table);
    for (const cells of rows) {
      const row = this.pdf.struct('TR');
      table.add(row);
      for (const cell of cells) {
        const options: StructOptions = cell.header ? { scope: cell.header } : {};
        if (cell.actual) options.actual = spoken(cell.actual);
        this.add(cell.header ? 'TH' : 'TD', options, cell.draw, row);
      }
      row.end();
    }
    table.end();
  }

  /**
   * A list (L) whose items come one by one, so a page may end between two of them: each item's label ("A") and
   * body (LBody) are drawn by their functions. Call `end` after the last item.
   */
  list(): { item: (label: () => void, body: () => void) => void; end: () => void } {
    const list = this.pdf.struct('L');
    this.root.add(list);
    return {
      item: (label, body) => {
        const item = this.pdf.struct('LI');
        list.add(item);
        this.add('Lbl', {}, label, item);
        this.add('LBody', {}, body, item);
        item.end();
      },
      end: () => list.end(),
    };
  }

  /**
   * Decoration a screen reader skips: backgrounds, rules, the bars beside a table's numbers (`Layout`), or what
   * repeats on every page such as a page number (`Pagination`).
   */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.pdf.markContent('Artifact', { type });
    draw();
    this.pdf.endMarkedContent();
  }

  addPage(): void {
    this.pdf.addPage();
  }

  /** Closes the structure and the file. */
  end(): Promise<Buffer> {
    this.root.end();
    this.pdf.end();
    return this.done;
  }
}
