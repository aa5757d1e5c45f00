import { localize, type Instrument, type Language } from '../../core/instrument';
import { WORKSHOP_PHASES, workshopScreenSchema, type WorkshopPhase, type WorkshopScreen } from '../../core/workshop';
import { TaggedPdf } from './pdf/document';
import { Layout } from './workshop/layout';
import { casesSection, helpSection, triesSection } from './workshop/lists';
import { asksSection, standSection } from './workshop/mix';
import { namedSection } from './workshop/named';
import { footer, frameOf, MARGIN, opening, workshopDate, type Sheet } from './workshop/page';
import { WORKSHOP_WORDS } from './workshop/words';

/** What the hub hands the workshop report: the workshop, the instrument it ran, and what the screen may show. */
export interface WorkshopReportInput {
  workshop: {
    /** The group's name, as the facilitator typed it. */
    name: string;
    /** The day of the session, YYYY-MM-DD. */
    date: string;
    /** The phase the workshop is in when the report is made. */
    phase: WorkshopPhase;
  };
  /** The version the workshop ran: its id@version goes in the report. */
  instrument: Instrument;
  /**
   * `workshopScreen()` over all current participants with `NOTHING_SHOWN` (no step memory): the report shows no more
   * than the shared screen may (core/workshopViews.ts).
   */
  screen: WorkshopScreen;
}

export interface WorkshopReportOptions {
  /** Every text of the report, the document language and the title; the instrument's texts fall back to its first. */
  lang: Language;
  /** Folder with the embedded fonts (assets/fonts). */
  fontsDir: string;
  /** The moment the report is made. */
  now: number;
  /** The event's time zone, in which that moment is read. */
  timeZone: string;
}

/** Refuses a screen that does not fit the instrument (another version's mixes) or the wire format. */
function checked(input: WorkshopReportInput): WorkshopScreen {
  const parsed = workshopScreenSchema.safeParse(input.screen);
  if (!parsed.success) throw new Error(`the workshop report got a screen it cannot read: ${parsed.error.message}`);
  if (!WORKSHOP_PHASES.includes(input.workshop.phase))
    throw new Error(`the workshop report got an unknown phase: ${JSON.stringify(input.workshop.phase)}`);
  const screen = parsed.data;
  const n = input.instrument.types.length;
  const mixes = [screen.group?.shares, screen.asks?.shares, ...screen.named.map((p) => p.shares)];
  if (mixes.some((m) => m !== undefined && m.length !== n))
    throw new Error(
      `the workshop's mixes do not have the ${n} types of ${input.instrument.id}@${input.instrument.version}`,
    );
  return screen;
}

/**
 * The facilitator's session report as a tagged A4 PDF (pdf/document.ts), in the style of the day report: the title,
 * the day, the instrument's version and who took part; where the group stands; who we are against what our work asks;
 * the shared cases and who can help whom; what we will try; the mixes of those who chose to show a nickname. It shows
 * no more than the shared screen may: no group picture below the minimum, no one's own mix without their nickname,
 * shared lines without names (docs/adr/0011-workshop-mode.md). The pages flow as long as the workshop needs.
 */
export function workshopReportPdf(input: WorkshopReportInput, options: WorkshopReportOptions): Promise<Buffer> {
  const screen = checked(input);
  const words = WORKSHOP_WORDS[options.lang];
  const date = workshopDate(input.workshop.date, options.lang);
  const doc = new TaggedPdf({
    lang: options.lang,
    title: words.title(input.workshop.name),
    subject: words.subject,
    fontsDir: options.fontsDir,
    margin: MARGIN,
  });
  const s: Sheet = {
    doc,
    lang: options.lang,
    words,
    instrument: input.instrument,
    screen,
    workshop: input.workshop,
    date,
    ref: `${input.instrument.id}@${input.instrument.version}`,
    types: input.instrument.types.map((t) => localize(t.name, options.lang)),
    width: doc.width - 2 * MARGIN,
  };
  const layout = new Layout(doc, frameOf(doc));
  opening(s, layout, options.now, options.timeZone);
  for (const section of [standSection, asksSection, casesSection, helpSection, triesSection, namedSection])
    section(s, layout);
  layout.draw((page, pages) => footer(s, page, pages));
  return doc.end();
}
