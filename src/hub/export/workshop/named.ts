import type { TableCell } from '../pdf/document';
import { MUTED, patternOf, patternRect } from '../report/draw';
import type { Layout, Row } from './layout';
import { BODY, continued, heading, MARGIN, NOTE, paragraph, pct, type Sheet } from './page';

/** Room for the longest nickname (24 wide letters) at 6 pt bold. */
const NICK_W = 170;
const HEAD = 18;
const ROW = 17;

/** The largest size up to 8 pt at which every type's name fits in `width` (at least 5.5 pt; longer ones shrink more). */
function headSize(s: Sheet, width: number): number {
  const widest = Math.max(...s.types.map((t) => s.doc.pdf.font('Bold').fontSize(8).widthOfString(s.doc.clean(t))));
  return Math.max(5.5, Math.min(8, Math.floor(((8 * width) / widest) * 2) / 2));
}

/**
 * "Wie een bijnaam liet zien": the only individual mixes in the report, of those who chose to show a nickname, in
 * rounded percentages per type, with the mix as a stacked bar beside them (decoration: the numbers are the table's).
 * Nothing of anyone else: not a count, not a row.
 */
export function namedSection(s: Sheet, layout: Layout): void {
  const { doc, words, screen } = s;
  if (screen.named.length === 0) {
    heading(s, layout, words.sections.named, 30);
    paragraph(s, layout, words.noNamed, BODY);
    return;
  }
  const types = s.instrument.types;
  // With many types the numbers need the room; the bar is only a picture of them.
  const barW = types.length <= 4 ? 70 : 0;
  const from = MARGIN + NICK_W + barW + (barW ? 12 : 0);
  const colW = (MARGIN + s.width - from) / types.length;
  // One size for every column head, the size at which the longest name fits: heads of one row never differ in size.
  const head = { size: headSize(s, colW - 4), bold: true, color: MUTED };
  const header: Row = {
    height: HEAD,
    cells: (y) => [
      { header: 'Column', draw: () => doc.line(words.nickname, MARGIN, y + 4, NICK_W - 8, head) },
      ...s.types.map((name, t): TableCell => ({
        header: 'Column',
        draw: () => doc.line(name, from + t * colW + 4, y + 4, colW - 4, { ...head, align: 'right' }),
      })),
    ],
    artifact: (y) =>
      doc.pdf
        .moveTo(MARGIN, y + HEAD - 2)
        .lineTo(MARGIN + s.width, y + HEAD - 2)
        .lineWidth(0.5)
        .strokeColor('#9aa0b0')
        .stroke(),
  };
  const rows = screen.named.map((person): Row => ({
    height: ROW,
    cells: (y) => [
      {
        header: 'Row',
        draw: () => doc.line(person.nickname, MARGIN, y + 2, NICK_W - 8, { size: 9.5, bold: true, minSize: 6 }),
      },
      ...person.shares.map((v, t): TableCell => ({
        draw: () => doc.line(`${pct(v)}%`, from + t * colW + 4, y + 2, colW - 4, { size: 9.5, align: 'right' }),
      })),
    ],
    artifact: (y) => {
      let x = MARGIN + NICK_W;
      person.shares.forEach((v, t) => {
        if (barW === 0) return;
        patternRect(doc.pdf, { x, y: y + 2, w: barW * v, h: 11 }, types[t]!.color, patternOf(t));
        x += barW * v;
      });
    },
  }));
  const note = doc.textHeight(words.namedNote, s.width, NOTE) + 6;
  heading(s, layout, words.sections.named, note + HEAD + ROW);
  paragraph(s, layout, words.namedNote, NOTE, 4);
  layout.table(header, rows, continued(s, words.sections.named));
}
