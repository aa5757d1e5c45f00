import { clockTime, longDate } from '../../../core/eventTime';
import { localize, type Instrument, type Language } from '../../../core/instrument';
import type { WorkshopPhase, WorkshopScreen } from '../../../core/workshop';
import type { TaggedPdf, TextStyle } from '../pdf/document';
import { MUTED } from '../report/draw';
import type { Continued, Frame, Layout } from './layout';
import type { WorkshopWords } from './words';

export const MARGIN = 40;
const FOOTER = 20;
/** Body text: large enough to read on paper without glasses. */
export const BODY = { size: 10 };
export const NOTE = { size: 8.5, color: MUTED };

/** What every part of the workshop report draws from. */
export interface Sheet {
  doc: TaggedPdf;
  lang: Language;
  words: WorkshopWords;
  instrument: Instrument;
  screen: WorkshopScreen;
  workshop: { name: string; date: string; phase: WorkshopPhase };
  /** The workshop's day, written out ("18 maart 2027"). */
  date: string;
  /** The instrument's id@version: which version the group answered. */
  ref: string;
  /** The types' names in the report's language, in instrument order. */
  types: string[];
  /** The width between the margins. */
  width: number;
}

/** "2027-03-18" as "18 maart 2027"; anything else is refused, so a report never carries a date it cannot read. */
export function workshopDate(date: string, lang: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12) : NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== date)
    throw new Error(`the workshop's date must be a day like 2027-03-18, not ${JSON.stringify(date)}`);
  return longDate(ms, 'UTC', lang);
}

/** A type's name inside a sentence: "vanuit de Verbinder", "from the Connector". */
export const inSentence = (name: string): string => name.replace(/^(De|Het|The)\s/, (a) => a.toLowerCase());

/** Percent of a share, rounded: what the report prints and what its sentences compare. */
export const pct = (share: number): number => Math.round(share * 100);

export const frameOf = (doc: TaggedPdf): Frame => ({
  start: MARGIN,
  top: MARGIN,
  bottom: doc.height - MARGIN - FOOTER,
});

/** A wrapped paragraph as one part of the flow, with `after` points below it. */
export function paragraph(s: Sheet, layout: Layout, text: string, style: TextStyle, after = 6, keep = 0): void {
  const height = s.doc.textHeight(text, s.width, style) + 2;
  layout.place(height + after, (y) => s.doc.paragraph(text, MARGIN, y, s.width, { ...style, height }), keep);
}

/** A section heading, kept on one page with the `keep` points of what it opens. */
export function heading(s: Sheet, layout: Layout, text: string, keep: number): void {
  const style = { bold: true, size: 13 };
  const height = s.doc.textHeight(text, s.width, style) + 2;
  layout.space(layout.y > MARGIN ? 10 : 0);
  layout.place(height + 6, (y) => s.doc.heading(2, text, MARGIN, y, s.width, { ...style, height }), keep);
}

/** The line that opens a page a section continues on: "Gedeelde zaken (vervolg)". */
export const continued = (s: Sheet, section: string): Continued => ({
  height: 18,
  draw: (y) => s.doc.line(s.words.continued(section), MARGIN, y, s.width, { size: 9, color: MUTED }),
});

/** The title (wrapped up to three lines), the day, the instrument and version, who took part; when it was made. */
export function opening(s: Sheet, layout: Layout, now: number, timeZone: string): void {
  const { doc, words, screen } = s;
  const title = words.title(s.workshop.name);
  const style = { bold: true, size: 18 };
  const height = Math.min(doc.textHeight(title, s.width, style), 3 * 18 * 1.2) + 2;
  layout.place(height + 6, (y) => doc.heading(1, title, MARGIN, y, s.width, { ...style, height }));
  const about = `${s.date} · ${words.instrument(localize(s.instrument.title, s.lang), s.ref)}`;
  const aboutStyle = { size: 10.5 };
  const aboutHeight = Math.min(doc.textHeight(about, s.width, aboutStyle), 3 * 10.5 * 1.2) + 2;
  layout.place(aboutHeight + 4, (y) =>
    doc.paragraph(about, MARGIN, y, s.width, { ...aboutStyle, height: aboutHeight }),
  );
  paragraph(s, layout, words.people(screen.joined, screen.answered), { size: 13, bold: true }, 4);
  const when = `${longDate(now, timeZone, s.lang)}, ${clockTime(now, timeZone)}`;
  paragraph(s, layout, `${words.made(when, timeZone, words.phases[s.workshop.phase])} ${words.promise}`, NOTE, 4);
}

/** The footer of every page: the workshop, its day, the instrument's version, page x of y. Repeated: an artifact. */
export function footer(s: Sheet, page: number, pages: number): void {
  const { doc } = s;
  const y = doc.height - MARGIN - 10;
  const style = { size: 8, color: MUTED };
  const name = s.workshop.name;
  const rest = s.words.footerRest(s.date, s.ref, page, pages);
  const measure = (text: string): number => doc.pdf.font('Body').fontSize(8).widthOfString(doc.clean(text)) + 1;
  // The page number always shows whole: a long name gives way (shrinks, then ends in "…"), never "page x of y".
  const restWidth = Math.min(s.width - 80, measure(rest));
  const whole = measure(name) + restWidth <= s.width;
  doc.artifact(() => {
    doc.pdf
      .moveTo(MARGIN, y - 5)
      .lineTo(MARGIN + s.width, y - 5)
      .lineWidth(0.5)
      .strokeColor('#c3c7d3')
      .stroke();
    if (whole) doc.line(`${name}${rest}`, MARGIN, y, s.width, style);
    else {
      doc.line(name, MARGIN, y, s.width - restWidth, { ...style, minSize: 7 });
      doc.line(rest, MARGIN + s.width - restWidth, y, restWidth, { ...style, align: 'right' });
    }
  }, 'Pagination');
}
