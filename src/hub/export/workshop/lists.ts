import { localize } from '../../../core/instrument';
import type { TextStyle } from '../pdf/document';
import { MUTED } from '../report/draw';
import type { Layout } from './layout';
import { BODY, continued, heading, inSentence, MARGIN, NOTE, paragraph, type Sheet } from './page';
import { nameList } from './words';

/** One item of a list: its label, then one or more wrapped texts below each other. */
interface Item {
  label: string;
  texts: { text: string; style: TextStyle }[];
}

/**
 * A tagged list placed item by item (a page may end between items, never inside one), after its heading and note.
 * Free text (a case, a commitment, a nickname) is printed as text, in full, wrapped: whatever it holds.
 */
function list(s: Sheet, layout: Layout, items: Item[], labelW: number, section: string): void {
  const { doc } = s;
  const w = s.width - labelW;
  layout.list(
    items.map((item) => {
      const heights = item.texts.map((t) => doc.textHeight(t.text, w, t.style) + 1);
      return {
        height: heights.reduce((a, b) => a + b, 0) + 7,
        label: (y: number) => doc.line(item.label, MARGIN, y, labelW - 6, { ...BODY, bold: true }),
        body: (y: number) =>
          item.texts.reduce((ty, t, k) => doc.wrap(t.text, MARGIN + labelW, ty, w, heights[k]!, t.style) + 1, y),
      };
    }),
    continued(s, section),
  );
}

/** How tall the first item is, to keep a heading with it. */
function firstHeight(s: Sheet, item: Item | undefined, labelW: number): number {
  if (!item) return 20;
  return item.texts.reduce((sum, t) => sum + s.doc.textHeight(t.text, s.width - labelW, t.style) + 1, 7);
}

/** "Gedeelde zaken": every shared case with the side it asks, numbered for "who can help whom". */
export function casesSection(s: Sheet, layout: Layout): void {
  const { words, screen } = s;
  const items: Item[] = screen.cases.map((c, i) => ({
    label: `${i + 1}.`,
    texts: [
      { text: c.text, style: BODY },
      { text: words.caseAsks(c.asks === null ? null : typeName(s, c.asks)), style: NOTE },
    ],
  }));
  heading(s, layout, words.sections.cases, 16 + firstHeight(s, items[0], 28));
  if (items.length === 0) return paragraph(s, layout, words.noCases, BODY);
  paragraph(s, layout, words.casesNote, NOTE, 4);
  list(s, layout, items, 28, words.sections.cases);
}

/** A type's name by its id; an id the instrument does not know is printed as it is. */
const typeName = (s: Sheet, id: string): string => {
  const i = s.instrument.types.findIndex((t) => t.id === id);
  return i < 0 ? id : s.types[i]!;
};

/** "Wie kan wie helpen": per case who has its side strongest, and the suggested groups; only nicknames. */
export function helpSection(s: Sheet, layout: Layout): void {
  const { words, screen } = s;
  const strongest: Item[] = screen.strongest.map((x) => ({
    label: words.caseLabel(x.case + 1),
    texts: [
      { text: words.strongestItem(inSentence(typeName(s, x.type)), nameList(x.nicknames, words.and)), style: BODY },
    ],
  }));
  const groups: Item[] = screen.groups.map((g, i) => ({
    label: words.groupLabel(i + 1),
    texts: [
      { text: nameList(g.nicknames, words.and), style: { ...BODY, bold: true } },
      { text: words.question(localize(g.question, s.lang)), style: { size: 9.5, color: MUTED } },
    ],
  }));
  heading(s, layout, words.sections.help, 16 + firstHeight(s, strongest[0] ?? groups[0], 64));
  if (strongest.length === 0 && groups.length === 0)
    return paragraph(s, layout, screen.named.length === 0 ? words.noNames : words.helpNone, BODY);
  if (strongest.length > 0) {
    paragraph(s, layout, words.strongest, NOTE, 4, firstHeight(s, strongest[0], 64));
    list(s, layout, strongest, 64, words.sections.help);
  }
  if (groups.length > 0) {
    layout.space(4);
    paragraph(s, layout, words.groups, NOTE, 4, firstHeight(s, groups[0], 64));
    list(s, layout, groups, 64, words.sections.help);
  }
}

/** "Wat we gaan proberen": the shared commitments, without names. */
export function triesSection(s: Sheet, layout: Layout): void {
  const { words, screen } = s;
  const items: Item[] = screen.commitments.map((text) => ({ label: '•', texts: [{ text, style: BODY }] }));
  heading(s, layout, words.sections.tries, 16 + firstHeight(s, items[0], 16));
  if (items.length === 0) return paragraph(s, layout, words.noTries, BODY);
  paragraph(s, layout, words.triesNote, NOTE, 4);
  list(s, layout, items, 16, words.sections.tries);
}
