import type { Localized } from '../../../core/instrument';
import { PILOT_CASUS, pilotLetter, pilotOrder } from '../../../core/pilotOrder';
import { INK } from '../pdf/document';
import { MUTED } from '../report/draw';
import { drawPages, flow, type Block, type Group } from './flow';
import { BODY, footer, frameOf, MARGIN, situationHeading, text, title, type Pilot } from './page';

/** The box to write 1 or 2 in, and where an option's text starts after it and its letter. */
const BOX = 16;
const INDENT = BOX + 26;
const HEAD = { bold: true, size: 12 };

/**
 * The sheet colleagues answer blind: the title, how to answer, a line for a name or role, then every situation with
 * its options lettered in the order of core/pilotOrder.ts, and the casus. It prints the texts a visitor reads and
 * nothing of the model behind them: no type name, colour, mark or what a situation asks.
 */
export function drawSheet(p: Pilot): void {
  const { doc, words, instrument } = p;
  let y = title(p, words.sheetTitle(text(p, instrument.title)));
  const instruction = words.instruction[instrument.scoring];
  const instructionHeight = doc.textHeight(instruction, p.width, BODY) + 2;
  y = doc.paragraph(instruction, MARGIN, y, p.width, { ...BODY, height: instructionHeight }) + 12;
  writeLine(p, words.name, y, { size: 9.5 });
  const groups = instrument.items.map((_, i) => situation(p, i));
  groups.push(casus(p));
  const pages = flow(groups, frameOf(p, y + 30));
  drawPages(doc, pages, (page, count) => footer(p, page, count));
}

/** A label with a line after it to write on, up to the right margin. */
function writeLine(p: Pilot, label: string, y: number, style: { size: number; color?: string }): void {
  const { doc } = p;
  doc.paragraph(label, MARGIN, y, p.width, style);
  doc.pdf.font('Body').fontSize(style.size);
  const from = MARGIN + doc.pdf.widthOfString(doc.clean(label)) + 6;
  doc.artifact(() => {
    if (from < MARGIN + p.width - 40)
      doc.pdf
        .moveTo(from, y + style.size + 1)
        .lineTo(MARGIN + p.width, y + style.size + 1)
        .lineWidth(0.6)
        .strokeColor(MUTED)
        .stroke();
  });
}

/** A wrapped text as one block: a heading or a paragraph. */
function textBlock(
  p: Pilot,
  value: string,
  style: typeof BODY & { bold?: boolean; color?: string },
  after: number,
  heading = false,
): Block {
  const height = p.doc.textHeight(value, p.width, style) + 2;
  return {
    height: height + after,
    keepWithNext: true,
    draw: (y) => {
      if (heading) p.doc.heading(2, value, MARGIN, y, p.width, { ...style, height });
      else p.doc.paragraph(value, MARGIN, y, p.width, { ...style, height });
    },
  };
}

/** The options of a situation (`key`: an item id or the casus), lettered, each with a box before it. */
function optionBlocks(p: Pilot, key: string, options: { type: string; text: Localized }[]): Block[] {
  const { doc } = p;
  let list: ReturnType<typeof doc.list> | undefined;
  const order = pilotOrder(p.instrument, key);
  return order.map((type, position) => {
    const shown = text(p, options.find((o) => o.type === type)!.text);
    const height = doc.textHeight(shown, p.width - INDENT, BODY) + 2;
    return {
      height: Math.max(BOX + 2, height) + 6,
      draw: (y) => {
        doc.artifact(() =>
          doc.pdf
            .rect(MARGIN, y - 3, BOX, BOX)
            .lineWidth(0.8)
            .strokeColor(INK)
            .stroke(),
        );
        list ??= doc.list();
        list.item(
          () => doc.line(pilotLetter(position), MARGIN + BOX + 8, y, 14, { ...BODY, bold: true }),
          () => doc.wrap(shown, MARGIN + INDENT, y, p.width - INDENT, height, BODY),
        );
        if (position === order.length - 1) list.end();
      },
    };
  });
}

const continued = (p: Pilot, heading: string) => (): Block => ({
  height: 18,
  draw: (y) =>
    p.doc.artifact(() => p.doc.line(p.words.continued(heading), MARGIN, y, p.width, { size: 9, color: MUTED })),
});

function situation(p: Pilot, index: number): Group {
  const item = p.instrument.items[index]!;
  const heading = situationHeading(p, index);
  const remark: Block = { height: 16, draw: (y) => writeLine(p, p.words.remark, y + 2, { size: 8.5, color: MUTED }) };
  return {
    blocks: [
      textBlock(p, heading, HEAD, 3, true),
      textBlock(p, text(p, item.prompt), BODY, 7),
      ...optionBlocks(p, item.id, item.options),
      remark,
    ],
    gap: 16,
    // Only the number: a title may be long, and the line that repeats it must fit on one line.
    continued: continued(p, p.words.situation(index + 1, undefined)),
  };
}

/** The casus: the answerer's own case, one cross. */
function casus(p: Pilot): Group {
  const { words, instrument } = p;
  const c = instrument.casus;
  return {
    blocks: [
      textBlock(p, words.casus, HEAD, 3, true),
      textBlock(p, words.casusLead, { size: 9.5, color: MUTED }, 2),
      textBlock(p, text(p, c.prompt), { ...BODY, bold: true }, 2),
      textBlock(p, `${text(p, c.hint)} ${words.casusChoose}`, { size: 9.5, color: MUTED }, 7),
      ...optionBlocks(p, PILOT_CASUS, c.options),
    ],
    gap: 0,
    continued: continued(p, words.casus),
  };
}
