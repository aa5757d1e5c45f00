import { longDate } from '../../../core/eventTime';
import { localize, type Instrument, type Language } from '../../../core/instrument';
import type { TaggedPdf } from '../pdf/document';
import { MUTED } from '../report/draw';
import type { Frame } from './flow';
import type { PilotWords } from './words';

export const MARGIN = 40;
const FOOTER = 20;
/** Body text: large enough to read on paper without glasses. */
export const BODY = { size: 10.5 };

/** What both pilot documents are drawn with. */
export interface Pilot {
  doc: TaggedPdf;
  instrument: Instrument;
  lang: Language;
  words: PilotWords;
  /** The width between the margins. */
  width: number;
  /** The date in the event's time zone, for the footer. */
  date: string;
}

export function pilotOf(
  doc: TaggedPdf,
  instrument: Instrument,
  words: PilotWords,
  now: number,
  timeZone: string,
): Pilot {
  return {
    doc,
    instrument,
    lang: doc.lang,
    words,
    width: doc.width - 2 * MARGIN,
    date: longDate(now, timeZone, doc.lang),
  };
}

/** The text in the document's language, or the instrument's first language when it has none in it. */
export const text = (p: Pilot, value: Parameters<typeof localize>[0]): string => localize(value, p.lang);

/** A situation's heading: its number and title, the same on the sheet and the key. */
export const situationHeading = (p: Pilot, index: number): string => {
  const title = p.instrument.items[index]!.title;
  return p.words.situation(index + 1, title ? text(p, title) : undefined);
};

/** The title (wrapped up to three lines), then what follows it; returns the y below the title. */
export function title(p: Pilot, heading: string): number {
  const style = { bold: true, size: 18 };
  const height = Math.min(p.doc.textHeight(heading, p.width, style), 3 * 18 * 1.2);
  p.doc.heading(1, heading, MARGIN, MARGIN, p.width, { ...style, height });
  return MARGIN + height + 8;
}

/** The page frame below the page's opening part (`start`). */
export const frameOf = (p: Pilot, start: number): Frame => ({
  start,
  top: MARGIN,
  bottom: p.doc.height - MARGIN - FOOTER,
});

/** The footer of every page: which draft, the day it was printed, page x of y. Repeated, so an artifact. */
export function footer(p: Pilot, page: number, pages: number): void {
  const ref = `${p.instrument.id}@${p.instrument.version}`;
  const y = p.doc.height - MARGIN - 10;
  p.doc.artifact(() => {
    p.doc.pdf
      .moveTo(MARGIN, y - 5)
      .lineTo(MARGIN + p.width, y - 5)
      .lineWidth(0.5)
      .strokeColor('#c3c7d3')
      .stroke();
    p.doc.line(p.words.footer(ref, p.date, page, pages), MARGIN, y, p.width, { size: 8, color: MUTED });
  }, 'Pagination');
}
