import { PILOT_CASUS, pilotLetter, pilotOrder } from '../../../core/pilotOrder';
import type { Localized } from '../../../core/instrument';
import type { TableCell } from '../pdf/document';
import { MUTED } from '../report/draw';
import { drawPages, flow, type Block, type Group } from './flow';
import { BODY, footer, frameOf, MARGIN, situationHeading, text, title, type Pilot } from './page';

const HEAD_ROW = 16;
const ROW = 17;
const LETTER_W = 44;
const TYPE_W = 120;
const TALLY_W = 44;

/**
 * The key for the facilitator, a separate file: per situation which type each letter of the sheet stands for, what
 * the situation asks, and columns to tally the colleagues' choices; first a short note on how to read a pilot.
 */
export function drawKey(p: Pilot): void {
  const { doc, words, instrument } = p;
  let y = title(p, words.keyTitle(text(p, instrument.title)));
  y = doc.paragraph(words.keyOnly, MARGIN, y, p.width, { size: 10, bold: true }) + 10;
  doc.heading(2, words.howTo, MARGIN, y, p.width, { size: 12 });
  y += 20;
  for (const note of words.howToNotes) {
    const height = doc.textHeight(note, p.width, { size: 9.5 }) + 2;
    y = doc.paragraph(note, MARGIN, y, p.width, { size: 9.5, height }) + 4;
  }
  const groups: Group[] = instrument.items.map((item, i) => {
    const asks = instrument.types.find((t) => t.id === item.asks);
    return group(p, situationHeading(p, i), asks ? words.asks(text(p, asks.name)) : undefined, item.id, item.options);
  });
  groups.push(group(p, words.casus, words.casusAsks, PILOT_CASUS, instrument.casus.options));
  drawPages(doc, flow(groups, frameOf(p, y + 14)), (page, count) => footer(p, page, count));
}

function group(
  p: Pilot,
  heading: string,
  note: string | undefined,
  key: string,
  options: { type: string; text: Localized }[],
): Group {
  const { doc } = p;
  const head = { bold: true, size: 11.5 };
  const headHeight = doc.textHeight(heading, p.width, head) + 2;
  const blocks: Block[] = [
    {
      height: headHeight + 2,
      keepWithNext: true,
      draw: (y) => doc.heading(2, heading, MARGIN, y, p.width, { ...head, height: headHeight }),
    },
  ];
  if (note)
    blocks.push({
      height: 15,
      keepWithNext: true,
      draw: (y) => doc.paragraph(note, MARGIN, y, p.width, { size: 9.5, color: MUTED }),
    });
  blocks.push(lettersTable(p, key, options));
  return { blocks, gap: 14 };
}

/** Letter, type, the answer's opening words and two empty columns to tally the choices in. */
function lettersTable(p: Pilot, key: string, options: { type: string; text: Localized }[]): Block {
  const { doc, words, instrument } = p;
  const order = pilotOrder(instrument, key);
  const twice = instrument.scoring === 'first-and-second' && key !== PILOT_CASUS;
  const tallies = twice ? [words.tally.first, words.tally.second] : [words.tally.once];
  const optionW = p.width - LETTER_W - TYPE_W - tallies.length * TALLY_W;
  const x = { letter: MARGIN, type: MARGIN + LETTER_W, option: MARGIN + LETTER_W + TYPE_W };
  const tallyX = (i: number): number => x.option + optionW + i * TALLY_W;
  return {
    height: HEAD_ROW + order.length * ROW + 2,
    draw: (y) => {
      const rowY = (r: number): number => y + HEAD_ROW + r * ROW;
      doc.artifact(() => {
        const pdf = doc.pdf.lineWidth(0.5).strokeColor('#9aa0b0');
        for (let r = 0; r <= order.length; r++)
          pdf
            .moveTo(MARGIN, rowY(r) - 3)
            .lineTo(MARGIN + p.width, rowY(r) - 3)
            .stroke();
        tallies.forEach((_, i) =>
          pdf
            .moveTo(tallyX(i), rowY(0) - 3)
            .lineTo(tallyX(i), rowY(order.length) - 3)
            .stroke(),
        );
      });
      const headStyle = { size: 8, bold: true, color: MUTED };
      const header: TableCell[] = [
        { header: 'Column', draw: () => doc.line(words.letter, x.letter, y, LETTER_W - 6, headStyle) },
        { header: 'Column', draw: () => doc.line(words.type, x.type, y, TYPE_W - 6, headStyle) },
        { header: 'Column', draw: () => doc.line(words.option, x.option, y, optionW - 6, headStyle) },
        ...tallies.map((label, i): TableCell => ({
          header: 'Column',
          draw: () => doc.line(label, tallyX(i) + 4, y, TALLY_W - 8, headStyle),
        })),
      ];
      const rows = order.map((type, r): TableCell[] => {
        const name = text(p, instrument.types.find((t) => t.id === type)!.name);
        const option = text(p, options.find((o) => o.type === type)!.text);
        const cy = rowY(r);
        return [
          {
            header: 'Row',
            draw: () => doc.line(pilotLetter(r), x.letter + 4, cy, LETTER_W - 10, { ...BODY, bold: true }),
          },
          { draw: () => doc.line(name, x.type, cy, TYPE_W - 6, { size: 9.5, bold: true, minSize: 7 }) },
          { draw: () => doc.line(option, x.option, cy + 1, optionW - 6, { size: 8.5, minSize: 8.5 }) },
          ...tallies.map((): TableCell => ({ draw: () => undefined })),
        ];
      });
      doc.table([header, ...rows]);
    },
  };
}
