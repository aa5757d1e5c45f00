import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportDocument } from '../../core/export/document';
import { isoMinute, period } from '../../core/eventTime';
import type { Instrument, Language } from '../../core/instrument';
import { TaggedPdf } from './pdf/document';
import { FONT_FILES } from './pdf/fonts';
import { asksVersusMix, hourChart, leadBars, leadBarsHeight } from './report/charts';
import { reportOf, type Report } from './report/context';
import { describeLoss, isLoss } from '../../core/losses';
import { crowdLegend, crowdPlot } from './report/crowdPlot';
import { livePage } from './report/live';
import { MUTED } from './report/draw';
import { profilesHeight, profileTables, roundsTable } from './report/tables';
import { percent, REPORT_WORDS } from './report/words';

const MARGIN = 40;
/** The crowd plot's place on page one (fixed, so the title and the figures never push it). */
export const CROWD_BOX = { x: MARGIN, y: 128, w: 330, h: 340 };

export interface ReportOptions {
  /** The report's language: every text in it, the document language and the title. */
  lang: Language;
  /** Folder with the embedded fonts; assets/fonts of this checkout by default. */
  fontsDir?: string;
}

/** assets/fonts seen from the built hub (out/main) or from the sources (src/hub/export). */
const defaultFonts = (): string =>
  [join(__dirname, '../../assets/fonts'), join(__dirname, '../../../assets/fonts')].find((dir) =>
    existsSync(join(dir, FONT_FILES.Body)),
  ) ?? join(__dirname, '../../assets/fonts');

/**
 * The day report: two A4 pages people would rather look at than read, tagged for screen readers (pdf/document.ts).
 * Page one: the crowd in type space, where the participants work from, and what their work asks versus who they
 * are. Page two: how the day grew, the stand and the rounds side by side, the profiles named. Every number is one
 * the tables show; hidden ones are an "x", never estimated, and the crowd plot draws only the profiles the tables
 * show (docs/adr/0004-small-cell-suppression.md). Whatever the day brought, it stays two pages.
 */
export function toPdf(exported: ExportDocument, instrument: Instrument, options: ReportOptions): Promise<Buffer> {
  const words = REPORT_WORDS[options.lang];
  const doc = new TaggedPdf({
    lang: options.lang,
    title: words.title(exported.stamp.event),
    subject: words.subject,
    fontsDir: options.fontsDir ?? defaultFonts(),
    margin: MARGIN,
  });
  const report = reportOf(doc, exported, instrument);
  pageOne(report);
  doc.addPage();
  pageTwo(report);
  // The talk's live moments, when it had any: a page of their own, so the day's two pages stay as they are.
  if (exported.live.length > 0) {
    doc.addPage();
    livePage(report, exported, MARGIN);
  }
  return doc.end();
}

function pageOne(report: Report): void {
  const { doc, words, stamp: s, figures } = report;
  const width = doc.width - 2 * MARGIN;
  doc.heading(1, words.title(s.event), MARGIN, MARGIN, width);
  const when =
    s.from && s.to
      ? period(Date.parse(s.from), Date.parse(s.to), s.timeZone, report.lang)
      : words.noPeriod(s.suppressBelow);
  const other =
    (s.otherAnswers > 0 ? ` · ${words.otherAnswers(s.otherAnswers)}` : '') +
    (s.setAside > 0 ? ` · ${words.setAside(s.setAside)}` : '') +
    (s.losses.some(isLoss) ? ` · ${words.lossWarning}` : '');
  doc.paragraph(`${when} (${s.timeZone}) · ${s.instrument}${other} · app ${s.appVersion}`, MARGIN, 66, width, {
    size: 9.5,
    color: MUTED,
  });
  doc.paragraph(words.participants(figures.participants), MARGIN, 84, width, { size: 15, bold: true });

  const plot = CROWD_BOX;
  doc.heading(2, words.sections.crowd, MARGIN, plot.y - 18, width);
  crowdPlot(report, plot);
  crowdLegend(report, { x: MARGIN + plot.w + 10, y: plot.y + 24, w: width - plot.w - 10, h: plot.h - 24 });

  let y = plot.y + plot.h + 14;
  doc.heading(2, words.sections.leads, MARGIN, y, width);
  y = leadBars(report, { x: MARGIN, y: y + 20, w: width, h: leadBarsHeight(report) }) + 10;
  doc.heading(2, words.sections.asks, MARGIN, y, width);
  y = asksVersusMix(report, { x: MARGIN, y: y + 20, w: width, h: 0 });
  doc.paragraph(words.asksNote, MARGIN, y + 2, width, {
    size: 8,
    color: MUTED,
    height: doc.height - MARGIN - y - 2,
  });
}

function pageTwo(report: Report): void {
  const { doc, words, stamp: s, figures } = report;
  const width = doc.width - 2 * MARGIN;
  doc.heading(2, words.sections.day, MARGIN, MARGIN, width);
  hourChart(report, { x: MARGIN, y: MARGIN + 22, w: width, h: 200 });

  // From the bottom up: the footer (opened by what the data folder records as lost, growing upwards to hold it),
  // the profiles and their note, then what is left for the rounds.
  const lossLine = s.losses
    .map((r) => `${isLoss(r) ? words.attention : ''}${describeLoss(r, report.lang, s.timeZone)}`)
    .join(' ');
  const lossStyle = { size: 7.5, bold: true };
  const lossHeight = lossLine ? doc.textHeight(lossLine, width, lossStyle) + 2 : 0;
  const footerY = doc.height - MARGIN - 40 - lossHeight;
  const profilesY = footerY - 8 - 24 - 8 - profilesHeight(figures) - 20;
  let y = MARGIN + 250;
  doc.heading(2, words.sections.rounds, MARGIN, y, width);
  doc.paragraph(words.roundsNote, MARGIN, y + 16, width, { size: 8, color: MUTED });
  const mixLines = 24;
  const rounds = roundsTable(report, { x: MARGIN, y: y + 32, w: width, h: 0 }, profilesY - 18 - mixLines - (y + 32));
  y = rounds.bottom;
  const names = report.instrument.types.map((t) => t.mark);
  const mixes = rounds.shown.filter((r) => r.mix !== null);
  if (mixes.length > 0) {
    const text = mixes
      .map((r) => {
        const name = r.index === 0 ? words.stand : r.label;
        return `${name}: ${r.mix!.map((v, i) => `${names[i]} ${v === null ? 'x' : percent(v, report.lang)}`).join(', ')}`;
      })
      .join(' · ');
    y = doc.paragraph(`${words.mixPerRound}: ${text}`, MARGIN, y + 2, width, {
      size: 8,
      color: MUTED,
      height: mixLines,
    });
  }

  y += 18;
  doc.heading(2, words.sections.profiles, MARGIN, y, width);
  y = profileTables(report, { x: MARGIN, y: y + 20, w: width, h: 0 }) + 8;
  doc.paragraph(words.profilesNote, MARGIN, y, width, { size: 8, color: MUTED, height: 24 });

  if (lossLine) doc.paragraph(lossLine, MARGIN, footerY, width, { ...lossStyle, height: lossHeight });
  const made = isoMinute(Date.parse(s.generatedAt), s.timeZone);
  doc.paragraph(words.footer(s.suppressBelow, s.timeZone, made, s.checksum), MARGIN, footerY + lossHeight, width, {
    size: 7.5,
    color: MUTED,
    height: 40,
  });
}
