import type { CrowdPicture } from '../../../core/export/crowdDots';
import type { ExportDocument, ExportStamp } from '../../../core/export/document';
import { reportFigures, type ReportFigures } from '../../../core/export/reportFigures';
import { reportFindings } from '../../../core/export/reportFindings';
import { HEADLINE_WORDS, bareName, headlineSentence } from '../../../core/headlineWords';
import { localize, type Instrument, type Language } from '../../../core/instrument';
import type { TaggedPdf } from '../pdf/document';
import { REPORT_WORDS, type ReportWords } from './words';

/** Everything a part of the day report draws from: the page, the numbers the tables show, the words, the findings. */
export interface Report {
  doc: TaggedPdf;
  instrument: Instrument;
  lang: Language;
  words: ReportWords;
  figures: ReportFigures;
  /** The projector's sentence for each chart that has one, or null where the rules claim nothing. */
  findings: { leads: string | null; gap: string | null; day: string | null };
  /** The instrument's types in the report's language, then the balanced mixes: the crosstabs' columns. */
  leadLabels: string[];
  threshold: number;
  stamp: ExportStamp;
  crowd: CrowdPicture;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** Reads the export document once for every part of the report. */
export function reportOf(doc: TaggedPdf, exported: ExportDocument, instrument: Instrument): Report {
  const lang = doc.lang;
  const words = REPORT_WORDS[lang];
  const figures = reportFigures(exported);
  const threshold = exported.stamp.suppressBelow;
  const claims = reportFindings(figures, threshold);
  const sentence = (claim: (typeof claims)[keyof typeof claims]): string | null =>
    claim &&
    headlineSentence(claim, HEADLINE_WORDS[lang], {
      type: (i) => bareName(localize(instrument.types[i]!.name, lang)),
      balanced: words.balanced,
      item: (id) => id,
      group: (id) => id,
      // The day's spans are whole hours from midnight in the event's zone.
      clock: (ms) => `${two(Math.floor(ms / 3_600_000) % 24)}:00`,
    });
  return {
    doc,
    instrument,
    lang,
    words,
    figures,
    findings: { leads: sentence(claims.leads), gap: sentence(claims.gap), day: sentence(claims.day) },
    leadLabels: [...instrument.types.map((t) => localize(t.name, lang)), words.balanced],
    threshold,
    stamp: exported.stamp,
    crowd: exported.crowd,
  };
}

/** A count as the report writes it: the number, or "x" where the tables hide it. */
export const shownOrX = (value: number | null): string => (value === null ? 'x' : String(value));

/** A count as a screen reader hears it: the number, or "hidden (fewer than 5 or derivable)" in words. */
export const spoken = (report: Report, value: number | null): string =>
  value === null ? report.words.hidden(report.threshold) : String(value);
