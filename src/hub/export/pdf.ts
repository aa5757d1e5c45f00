import PDFDocument from 'pdfkit';
import type { ExportDocument } from '../../core/export/document';
import { reportFigures } from '../../core/export/reportFigures';
import { isoMinute, period } from '../../core/eventTime';
import type { Instrument } from '../../core/instrument';
import { isLoss, stampLossLines } from '../../core/losses';
import { asksVersusMix, hourChart, leadBars, profileColumns, roundsChart } from './report/charts';
import { crowdLegend, crowdPlot } from './report/crowdPlot';
import { fitText, heading, MUTED, type Pdf } from './report/draw';

const MARGIN = 40;
/** The crowd plot's place on page one (fixed, so the title and the figures never push it). */
export const CROWD_BOX = { x: MARGIN, y: 128, w: 330, h: 340 };

/**
 * The day report: two A4 pages people would rather look at than read. Page one: the crowd in type space, where the
 * participants work from, and what their work asks versus who they are. Page two: how the day grew, the stand and
 * the rounds side by side, the profiles named. Every number is one the tables show; hidden ones are an "x", never
 * estimated, and the crowd plot has dots only from the threshold up (docs/adr/0004-small-cell-suppression.md).
 */
export function toPdf(doc: ExportDocument, instrument: Instrument): Promise<Buffer> {
  const pdf: Pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Dagrapport ${doc.stamp.event}`, Author: 'De Ideale Ambtenaar' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
  const figures = reportFigures(doc);
  const width = pdf.page.width - 2 * MARGIN;
  const s = doc.stamp;

  fitText(pdf, `Dagrapport: ${s.event}`, MARGIN, MARGIN, width, { size: 20, bold: true });
  const when =
    s.from && s.to
      ? period(Date.parse(s.from), Date.parse(s.to), s.timeZone)
      : `nog geen volle groep van ${s.suppressBelow} antwoorden`;
  const other =
    (s.otherAnswers > 0 ? ` · ${s.otherAnswers} antwoorden op een andere versie niet meegeteld` : '') +
    (s.losses.some(isLoss) ? ' · LET OP: verloren antwoorden vastgelegd, zie pagina 2' : '');
  fitText(pdf, `${when} (${s.timeZone}) · ${s.instrument}${other} · app ${s.appVersion}`, MARGIN, 66, width, {
    size: 9.5,
    color: MUTED,
  });
  fitText(
    pdf,
    figures.participants === null ? 'Deelnemers: te weinig om te tonen' : `Deelnemers: ${figures.participants}`,
    MARGIN,
    84,
    width,
    { size: 15, bold: true },
  );

  heading(pdf, 'De groep in het typenveld', MARGIN, CROWD_BOX.y - 18, width);
  const plot = CROWD_BOX;
  crowdPlot(pdf, plot, instrument, doc.crowd, s.suppressBelow);
  crowdLegend(
    pdf,
    { x: MARGIN + plot.w + 10, y: plot.y + 24, w: width - plot.w - 10, h: plot.h },
    instrument,
    doc.crowd,
    figures.leads.map((l) => l.count),
  );

  let y = plot.y + plot.h + 14;
  heading(pdf, 'Waar de deelnemers vooral vanuit werken (leidend type)', MARGIN, y, width);
  y = leadBars(pdf, { x: MARGIN, y: y + 20, w: width, h: 0 }, instrument, figures) + 10;
  heading(pdf, 'Wat ons werk vraagt en wie we zijn', MARGIN, y, width);
  y = asksVersusMix(pdf, { x: MARGIN, y: y + 20, w: width, h: 0 }, instrument, figures);
  pdf
    .font('Helvetica')
    .fontSize(8)
    .fillColor(MUTED)
    .text(
      'Bovenste balk (kleur en patroon van het type): de gemiddelde mix van de deelnemers, wie we zijn. ' +
        'Onderste balk (donker, gestreept): hoeveel deelnemers zeggen dat hun eigen situatie vooral dit type vraagt.',
      MARGIN,
      y + 2,
      { width },
    );

  pdf.addPage();
  heading(pdf, 'Hoe de dag groeide', MARGIN, MARGIN, width);
  hourChart(pdf, { x: MARGIN, y: MARGIN + 22, w: width, h: 200 }, figures);

  y = MARGIN + 250;
  heading(pdf, 'De rondes naast elkaar: de zaal en de stand', MARGIN, y, width);
  fitText(pdf, 'Per groep: hoeveel deelnemers met elk leidend type, en hoeveel samen.', MARGIN, y + 16, width, {
    size: 8,
    color: MUTED,
  });
  const leadLabels = figures.leads.map((l) => l.label);
  y = roundsChart(pdf, { x: MARGIN, y: y + 32, w: width, h: 0 }, instrument, figures, leadLabels);
  const mixes = figures.rounds.filter((r) => r.mix !== null);
  if (mixes.length > 0) {
    const names = instrument.types.map((t) => t.mark);
    const text = mixes
      .map((r) => `${r.label}: ${r.mix!.map((v, i) => `${names[i]} ${String(v).replace('.', ',')}%`).join(', ')}`)
      .join(' · ');
    fitText(pdf, `Gemiddelde mix per ronde: ${text}`, MARGIN, y + 2, width, { size: 8, color: MUTED });
    y += 14;
  }

  y += 18;
  heading(pdf, 'Profielen', MARGIN, y, width);
  y = profileColumns(pdf, { x: MARGIN, y: y + 20, w: width, h: 0 }, figures) + 8;
  pdf
    .font('Helvetica')
    .fontSize(8)
    .fillColor(MUTED)
    .text(
      'Twee kanten: twee types ongeveer even sterk, het derde duidelijk minder. ' +
        'Kameleon: een mix in balans die meebeweegt met wat de situatie vraagt. ' +
        'Allrounder: een mix in balans, welke situatie het ook is.',
      MARGIN,
      y,
      { width },
    );

  // The stamp's loss lines open the footer, which grows upwards to hold them.
  const losses = s.losses.length > 0 ? `${stampLossLines(s.losses, s.timeZone).join(' ')} ` : '';
  pdf.fontSize(7.5);
  pdf
    .fillColor(MUTED)
    .text(
      `${losses}Aantallen onder ${s.suppressBelow}, en aantallen die daaruit af te leiden zijn, staan als x. Bezoekers tellen mee in hele groepen van ${s.suppressBelow}; de stippen alleen vanaf ${s.suppressBelow} deelnemers. Dit is een spiegel van de groep, geen beoordeling. Tijden in ${s.timeZone}. Gemaakt ${isoMinute(Date.parse(s.generatedAt), s.timeZone)}. Controlegetal ${s.checksum}.`,
      MARGIN,
      pdf.page.height - MARGIN - 40 - (losses ? pdf.heightOfString(losses, { width }) : 0),
      { width },
    );
  pdf.end();
  return done;
}
