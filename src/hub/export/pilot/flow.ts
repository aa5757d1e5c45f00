import type { TaggedPdf } from '../pdf/document';

/**
 * Page layout of the pilot documents. Text never flows onto a new page by itself (pdf/document.ts): a document is
 * a list of groups (a situation), each a list of blocks (its heading, its prompt, one option) whose heights are
 * measured before anything is drawn. A group that does not fit below the last one starts a new page; a group taller
 * than a whole page breaks between its blocks, never inside one. Laying out first gives the page count, so every
 * page can say "page x of y".
 */

/** One piece of a group, drawn at `y` on its page; `height` includes the space below it. */
export interface Block {
  height: number;
  draw: (y: number) => void;
  /** Kept on one page with the block after it (a heading with its text). */
  keepWithNext?: boolean;
}

/** A situation: blocks that stay together when they can, with `gap` below the last one. */
export interface Group {
  blocks: Block[];
  gap: number;
  /** The block that opens a page this group continues on ("1. The terrace (continued)"). */
  continued?: () => Block;
}

export interface Frame {
  /** Where the first page's groups begin (below the title and what comes with it). */
  start: number;
  top: number;
  bottom: number;
}

export interface Placed {
  page: number;
  y: number;
  block: Block;
}

/** Places every block on a page: the pages, each with its blocks from top to bottom. */
export function flow(groups: Group[], frame: Frame): Placed[][] {
  const pages: Placed[][] = [[]];
  let y = frame.start;
  const newPage = (): void => {
    pages.push([]);
    y = frame.top;
  };
  const place = (block: Block): void => {
    pages[pages.length - 1]!.push({ page: pages.length - 1, y, block });
    y += block.height;
  };
  const full = frame.bottom - frame.top;
  for (const group of groups) {
    const total = group.blocks.reduce((sum, b) => sum + b.height, 0);
    if (y + total > frame.bottom && total <= full) newPage();
    group.blocks.forEach((block, i) => {
      // The block with the ones it keeps with, up to the first that may end a page.
      let need = block.height;
      for (let j = i; group.blocks[j]?.keepWithNext && group.blocks[j + 1]; j++) need += group.blocks[j + 1]!.height;
      // At the top of a page a block always goes: no block is taller than a page (the texts are at most 600
      // characters), and a new page would not hold it better.
      if (y + Math.min(need, full) > frame.bottom && y > frame.top) {
        newPage();
        if (i > 0 && group.continued) place(group.continued());
      }
      place(block);
    });
    y += group.gap;
  }
  return pages;
}

/** Draws the placed pages in order, each with its footer (what `footer` draws on page x of y). */
export function drawPages(doc: TaggedPdf, pages: Placed[][], footer: (page: number, pages: number) => void): void {
  pages.forEach((placed, index) => {
    if (index > 0) doc.addPage();
    for (const { y, block } of placed) block.draw(y);
    footer(index + 1, pages.length);
  });
}
