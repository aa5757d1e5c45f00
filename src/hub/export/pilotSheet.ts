import { localize, type Instrument, type Language } from '../../core/instrument';
import { TaggedPdf } from './pdf/document';
import { drawKey } from './pilot/key';
import { MARGIN, pilotOf } from './pilot/page';
import { drawSheet } from './pilot/sheet';
import { PILOT_WORDS } from './pilot/words';

/** What a pilot document is made for: its language, which part, where the fonts are, and when and where it is. */
export interface PilotSheetOptions {
  /** Every text of the document; an instrument without texts in it prints its first language's. */
  lang: Language;
  /** `sheet`: for the colleagues who answer blind; `key`: the letters' types, for the facilitator. */
  part: 'sheet' | 'key';
  /** Folder with the embedded fonts (assets/fonts). */
  fontsDir: string;
  /** The moment it is printed (the footer's date). */
  now: number;
  /** The event's time zone, in which that date is read. */
  timeZone: string;
}

/**
 * The pilot sheet of an instrument (a draft, before the day) or its key, as a tagged A4 PDF (pdf/document.ts). A
 * facilitator lets two or three colleagues answer the sheet blind and reads their choices with the key: item
 * wording is judged by people answering, not by a formula. Sheet and key letter the options the same way
 * (core/pilotOrder.ts), and the sheet holds nothing that tells the types apart.
 */
export function pilotSheetPdf(instrument: Instrument, options: PilotSheetOptions): Promise<Buffer> {
  const words = PILOT_WORDS[options.lang];
  const name = localize(instrument.title, options.lang);
  const sheet = options.part === 'sheet';
  const doc = new TaggedPdf({
    lang: options.lang,
    title: sheet ? words.sheetTitle(name) : words.keyTitle(name),
    subject: sheet ? words.sheetSubject : words.keySubject,
    fontsDir: options.fontsDir,
    margin: MARGIN,
  });
  const pilot = pilotOf(doc, instrument, words, options.now, options.timeZone);
  if (sheet) drawSheet(pilot);
  else drawKey(pilot);
  return doc.end();
}
