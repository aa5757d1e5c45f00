import { bareName } from '../../../core/headlineWords';
import { noticeable } from '../../../core/headlines';
import { WORKSHOP_MIN_GROUP } from '../../../core/workshopViews';
import type { TableCell } from '../pdf/document';
import { patternOf, patternRect, hiddenMark, INK, MUTED, TRACK } from '../report/draw';
import type { Layout } from './layout';
import { heading, inSentence, MARGIN, NOTE, paragraph, pct, type Sheet } from './page';

/**
 * "Where we stand" and "who we are against what our work asks": bars per type with the finding as the figure's text
 * alternative, the same numbers in a tagged table beside them. A type is told by its colour, its pattern, its mark
 * and its name, never by colour alone. A lead is claimed only from {@link LEAD} percentage points on, on the rounded
 * numbers the page prints, so the sentence never says more than the reader can see.
 */
export const LEAD = 5;
const LABEL_W = 170;
const NUMBER_W = 86;
const HEAD = 26;

/**
 * The type with the highest number and how far it is ahead of the next, or null when that lead is within the noise
 * of `n` answers: the projector's rule (core/headlines.ts), at least {@link LEAD} points and two standard errors of
 * the difference (multinomial: √((p1 + p2 − (p1 − p2)²)/n)), on the rounded numbers the page prints.
 */
export function leader(values: readonly number[], n: number): { index: number; ahead: number } | null {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v || a.i - b.i);
  const [p1, p2] = [order[0]!.v / 100, (order[1]?.v ?? 0) / 100];
  const se = Math.sqrt(Math.max(0, p1 + p2 - (p1 - p2) ** 2) / Math.max(1, n));
  const ahead = order[0]!.v - (order[1]?.v ?? 0);
  return noticeable(p1 - p2, se) ? { index: order[0]!.i, ahead } : null;
}

/** Whether the gap between what the work asks (`q`) and who we are (`p`) is more than noise over `n` (headlines.ts). */
const gapClaimed = (p: number, q: number, n: number): boolean =>
  noticeable((q - p) / 100, Math.sqrt(((p / 100) * (1 - p / 100) + (q / 100) * (1 - q / 100)) / Math.max(1, n)));

/** The type's swatch (its colour and pattern) and mark, left of its name: decoration, the name is in the table. */
function typeLabel(s: Sheet, i: number, y: number): void {
  const type = s.instrument.types[i]!;
  patternRect(s.doc.pdf, { x: MARGIN, y: y + 1, w: 11, h: 11 }, type.color, patternOf(i));
  s.doc.pdf
    .lineWidth(0.5)
    .strokeColor(INK)
    .rect(MARGIN, y + 1, 11, 11)
    .stroke();
  s.doc.line(type.mark, MARGIN + 15, y + 1.5, 14, { size: 9.5, bold: true });
}

const bar = (s: Sheet): { x: number; w: number } => ({
  x: MARGIN + LABEL_W,
  w: s.width - LABEL_W - NUMBER_W - 10,
});

/** The header row: "Type", then the numbers' column heads stacked over their column at the right. */
function headerCells(s: Sheet, y: number, heads: string[]): TableCell[] {
  const style = { size: 8, bold: true, color: MUTED };
  const right = MARGIN + s.width - NUMBER_W;
  return [
    { header: 'Column', draw: () => s.doc.line(s.words.type, MARGIN + 32, y + HEAD - 11, LABEL_W - 36, style) },
    ...heads.map((head, k): TableCell => ({
      header: 'Column',
      draw: () =>
        s.doc.line(head, right, y + HEAD - 11 - (heads.length - 1 - k) * 10, NUMBER_W, {
          ...style,
          align: 'right',
        }),
    })),
  ];
}

/** "Waar we staan": the group's mean mix, or why it is not shown. */
export function standSection(s: Sheet, layout: Layout): void {
  const { doc, words, screen } = s;
  const group = screen.group;
  if (!group) {
    const tooFew = words.tooFew(screen.answered, WORKSHOP_MIN_GROUP);
    heading(s, layout, words.sections.stand, doc.textHeight(tooFew, s.width, NOTE) + 10);
    paragraph(s, layout, tooFew, { size: 10 });
    return;
  }
  const shares = group.shares.map(pct);
  const lead = leader(shares, group.count);
  const finding = lead
    ? words.leads(inSentence(s.types[lead.index]!), shares[lead.index]!, lead.ahead)
    : words.balanced(LEAD);
  const numbers = shares.map((v, i) => `${s.types[i]} ${v}%`).join(', ');
  const alt = `${finding}. ${words.perType}: ${numbers}.`;
  const row = 22;
  const height = HEAD + shares.length * row;
  heading(s, layout, words.sections.stand, height + 40);
  paragraph(s, layout, `${finding}.`, { size: 10.5, bold: true }, 2);
  paragraph(s, layout, words.groupOf(group.count), NOTE, 4);
  const b = bar(s);
  layout.place(height + 6, (y) => {
    const top = y + HEAD;
    doc.figure(alt, { x: b.x, y: top, w: b.w, h: shares.length * row }, () =>
      shares.forEach((_, i) => {
        doc.pdf.rect(b.x, top + i * row, b.w, 14).fill(TRACK);
        const type = s.instrument.types[i]!;
        patternRect(doc.pdf, { x: b.x, y: top + i * row, w: b.w * group.shares[i]!, h: 14 }, type.color, patternOf(i));
      }),
    );
    doc.artifact(() => shares.forEach((_, i) => typeLabel(s, i, top + i * row)));
    doc.table([
      headerCells(s, y, [words.share]),
      ...shares.map((v, i): TableCell[] => [
        {
          header: 'Row',
          draw: () => doc.line(s.types[i]!, MARGIN + 32, top + i * row + 2, LABEL_W - 36, { size: 9.5 }),
        },
        {
          draw: () =>
            doc.line(`${v}%`, MARGIN + s.width - NUMBER_W, top + i * row + 2, NUMBER_W, {
              size: 10,
              bold: true,
              align: 'right',
            }),
        },
      ]),
    ]);
  });
}

/** What the numbers of "who we are against what our work asks" say, in one sentence. */
function asksFinding(s: Sheet, mix: number[] | null, asks: number[], n: number): string {
  const { words } = s;
  if (!mix) {
    const lead = leader(asks, n);
    return lead ? words.asksLeads(inSentence(s.types[lead.index]!), asks[lead.index]!) : words.asksSpread(LEAD);
  }
  const gaps = asks.map((a, i) => a - mix[i]!);
  const widest = gaps.reduce((best, g, i) => (Math.abs(g) > Math.abs(gaps[best]!) ? i : best), 0);
  const gap = gaps[widest]!;
  if (!gapClaimed(mix[widest]!, asks[widest]!, n)) return words.asksFit(LEAD);
  const name = bareName(s.types[widest]!);
  return gap > 0
    ? words.asksMore(name, asks[widest]!, mix[widest]!)
    : words.asksLess(name, asks[widest]!, mix[widest]!);
}

/** "Wie we zijn en wat ons werk vraagt": per type the group's mix (upper bar) against what the cases ask (lower). */
export function asksSection(s: Sheet, layout: Layout): void {
  const { doc, words, screen } = s;
  if (!screen.asks) {
    const tooFew = words.asksTooFew(WORKSHOP_MIN_GROUP);
    heading(s, layout, words.sections.asks, doc.textHeight(tooFew, s.width, NOTE) + 10);
    paragraph(s, layout, tooFew, { size: 10 });
    return;
  }
  const asks = screen.asks.shares.map(pct);
  const mix = screen.group ? screen.group.shares.map(pct) : null;
  const finding = asksFinding(s, mix, asks, Math.min(screen.asks.count, screen.group?.count ?? screen.asks.count));
  const hidden = words.notShownSpoken(WORKSHOP_MIN_GROUP);
  const numbers = asks.map((a, i) => `${s.types[i]}: ${words.who} ${mix ? `${mix[i]}%` : hidden}, ${words.asks} ${a}%`);
  const alt = `${finding}. ${words.perType}: ${numbers.join('; ')}.`;
  const row = 30;
  const height = HEAD + asks.length * row;
  heading(s, layout, words.sections.asks, height + 40);
  paragraph(s, layout, `${finding}.`, { size: 10.5, bold: true }, 2);
  paragraph(s, layout, words.asksOf(screen.asks.count), NOTE, 4);
  layout.place(height + 2, (y) => asksChart(s, y, { mix, asks, alt, row }));
  paragraph(s, layout, words.asksNote, NOTE, 4);
}

function asksChart(s: Sheet, y: number, c: { mix: number[] | null; asks: number[]; alt: string; row: number }): void {
  const { doc, words, screen } = s;
  const b = bar(s);
  const top = y + HEAD;
  const rowY = (i: number): number => top + i * c.row;
  doc.figure(c.alt, { x: b.x, y: top, w: b.w, h: c.asks.length * c.row }, () =>
    c.asks.forEach((_, i) => {
      const type = s.instrument.types[i]!;
      doc.pdf.rect(b.x, rowY(i), b.w, 10).fill(TRACK);
      if (screen.group)
        patternRect(doc.pdf, { x: b.x, y: rowY(i), w: b.w * screen.group.shares[i]!, h: 10 }, type.color, patternOf(i));
      else hiddenMark(doc.pdf, b.x + 1, rowY(i), 10);
      doc.pdf.rect(b.x, rowY(i) + 12, b.w, 10).fill(TRACK);
      patternRect(doc.pdf, { x: b.x, y: rowY(i) + 12, w: b.w * screen.asks!.shares[i]!, h: 10 }, INK, 'diagonal');
    }),
  );
  doc.artifact(() => c.asks.forEach((_, i) => typeLabel(s, i, rowY(i) + 4)));
  const number = (text: string, at: number, bold: boolean) => () =>
    doc.line(text, MARGIN + s.width - NUMBER_W, at, NUMBER_W, { size: 8.5, bold, align: 'right' });
  doc.table([
    headerCells(s, y, [words.who, words.asks]),
    ...c.asks.map((a, i): TableCell[] => [
      { header: 'Row', draw: () => doc.line(s.types[i]!, MARGIN + 32, rowY(i) + 5.5, LABEL_W - 36, { size: 9.5 }) },
      {
        actual: c.mix ? undefined : words.notShownSpoken(WORKSHOP_MIN_GROUP),
        draw: number(c.mix ? `${c.mix[i]}%` : words.notShown, rowY(i), !!c.mix),
      },
      { draw: number(`${a}%`, rowY(i) + 12, true) },
    ]),
  ]);
}
