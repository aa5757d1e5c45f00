import type { TableCell, TaggedPdf } from '../pdf/document';

/** The frame text stays in: where page one's sections begin, and the top and bottom of every page. */
export interface Frame {
  start: number;
  top: number;
  bottom: number;
}

/** A row of a table that may run over pages: its height and its cells, drawn at `y`. */
export interface Row {
  height: number;
  cells: (y: number) => TableCell[];
  /** Decoration beside the cells (a bar that repeats the numbers), drawn as an artifact. */
  artifact?: (y: number) => void;
}

/** The line that opens a page a list or table continues on ("Shared cases (continued)"): decoration. */
export interface Continued {
  height: number;
  draw: (y: number) => void;
}

/**
 * Page flow of the workshop report, measured before anything is drawn (text never flows by itself, pdf/document.ts):
 * every part is placed at a y on a page, on the next page when it does not fit, and drawn only once all pages are
 * known, so every footer can say "page x of y". A list may run over pages item by item, a table row by row (each
 * page its own table with the header row again); a figure or an item never breaks.
 */
export class Layout {
  private readonly pages: (() => void)[][] = [[]];
  private at: number;

  constructor(
    private readonly doc: TaggedPdf,
    private readonly frame: Frame,
  ) {
    this.at = frame.start;
  }

  get y(): number {
    return this.at;
  }

  private get full(): number {
    return this.frame.bottom - this.frame.top;
  }

  private newPage(): void {
    this.pages.push([]);
    this.at = this.frame.top;
  }

  /** Draws on the current page, at the current y, once the pages are drawn. */
  private record(draw: (y: number) => void): void {
    const y = this.at;
    this.pages[this.pages.length - 1]!.push(() => draw(y));
  }

  /**
   * Places a part `height` tall, on a new page when it does not fit below the last; `keep` more points must fit
   * with it (the part a heading opens). At the top of a page a part always goes: none is taller than a page.
   */
  place(height: number, draw: (y: number) => void, keep = 0): void {
    if (this.at + Math.min(height + keep, this.full) > this.frame.bottom && this.at > this.frame.top) this.newPage();
    this.record(draw);
    this.at += height;
  }

  space(height: number): void {
    this.at += height;
  }

  /** A tagged list, item by item: each item kept whole, drawn by its label and body at its y. */
  list(
    items: { height: number; label: (y: number) => void; body: (y: number) => void }[],
    continued?: Continued,
  ): void {
    let list: ReturnType<TaggedPdf['list']> | undefined;
    items.forEach((item, i) => {
      if (i > 0 && !this.fits(item.height)) this.turn(continued);
      this.place(item.height, (y) => {
        list ??= this.doc.list();
        list.item(
          () => item.label(y),
          () => item.body(y),
        );
      });
    });
    // Ends the list on the page of its last item.
    if (items.length > 0) this.record(() => list?.end());
  }

  /** Whether `height` more fits below the last part on this page (always, at the top of a page). */
  private fits(height: number): boolean {
    return this.at + height <= this.frame.bottom || this.at <= this.frame.top;
  }

  /** A new page, opened by the line that says what continues on it. */
  private turn(continued?: Continued): void {
    this.newPage();
    if (!continued) return;
    this.record((y) => this.doc.artifact(() => continued.draw(y)));
    this.at += continued.height;
  }

  /** A table: the header row, then the rows; a page that ends between rows ends the table, the next repeats it. */
  table(header: Row, rows: Row[], continued?: Continued): void {
    let chunk: { header: number; rows: { row: Row; y: number }[] } | null = null;
    const flush = (): void => {
      if (!chunk) return;
      const done = chunk;
      this.pages[this.pages.length - 1]!.push(() => {
        this.doc.artifact(() => {
          header.artifact?.(done.header);
          for (const { row, y } of done.rows) row.artifact?.(y);
        });
        this.doc.table([header.cells(done.header), ...done.rows.map(({ row, y }) => row.cells(y))]);
      });
      chunk = null;
    };
    rows.forEach((row, i) => {
      if (!this.fits((chunk ? 0 : header.height) + row.height)) {
        flush();
        this.turn(i > 0 ? continued : undefined);
      }
      if (!chunk) {
        chunk = { header: this.at, rows: [] };
        this.at += header.height;
      }
      chunk.rows.push({ row, y: this.at });
      this.at += row.height;
    });
    flush();
  }

  /** Draws the placed pages in order, each with its footer. Returns the page count. */
  draw(footer: (page: number, pages: number) => void): number {
    this.pages.forEach((ops, index) => {
      if (index > 0) this.doc.addPage();
      for (const op of ops) op();
      footer(index + 1, this.pages.length);
    });
    return this.pages.length;
  }
}
