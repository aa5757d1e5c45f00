import PDFDocument from 'pdfkit';
import type { ExportDocument } from '../../core/export/document';
import type { Instrument } from '../../core/instrument';

const INK = '#1b2440';

/** "6 februari 2026, 10:00 tot 15:00" in the hub's time zone. */
function period(from: string | null, to: string | null): string {
  if (!from || !to) return 'nog geen antwoorden';
  const day = new Date(from).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
  const time = (iso: string): string =>
    new Date(iso).toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' });
  const endHour = new Date(new Date(to).getTime() + 3_600_000).toISOString();
  return `${day}, ${time(from)} tot ${time(endHour)}`;
}
const MUTED = '#5b6480';

/**
 * A one-page day report people would rather look at than read: the split over the types as bars, the mean mix,
 * and who we are versus what our work asks. Suppressed numbers are left out, never estimated.
 */
export function toPdf(doc: ExportDocument, instrument: Instrument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: `Dagrapport ${doc.stamp.event}`, Author: 'De Ideale Ambtenaar' },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));

  const colors = [...instrument.types.map((t) => t.color), '#888888'];
  const left = 48;
  const width = pdf.page.width - 96;

  pdf.fillColor(INK).font('Helvetica-Bold').fontSize(22).text(`Dagrapport: ${doc.stamp.event}`, left, 48);
  pdf
    .font('Helvetica')
    .fontSize(10)
    .fillColor(MUTED)
    .text(
      `${period(doc.stamp.from, doc.stamp.to)} · ${doc.stamp.instrument}${doc.stamp.otherAnswers > 0 ? ` (${doc.stamp.otherAnswers} antwoorden op een andere versie niet meegeteld)` : ''} · app ${doc.stamp.appVersion}`,
    );
  pdf.moveDown(1);

  const casus = doc.counts.find((t) => t.id === 'casus')!;
  const totals = casus.values[casus.values.length - 1]!;
  const totalHidden = casus.hidden[casus.hidden.length - 1]!;
  const grand = totalHidden[totals.length - 1] ? null : totals[totals.length - 1]!;

  pdf
    .fillColor(INK)
    .font('Helvetica-Bold')
    .fontSize(14)
    .text(grand === null ? 'Deelnemers: te weinig om te tonen' : `Deelnemers: ${grand}`);
  pdf.moveDown(0.5).fontSize(12).text('Waar de deelnemers vooral vanuit werken');
  let y = pdf.y + 6;
  const labels = casus.colLabels.slice(0, -1);
  labels.forEach((label, i) => {
    const count = totalHidden[i] ? null : totals[i]!;
    const share = grand && count !== null ? count / grand : 0;
    pdf
      .fillColor(INK)
      .font('Helvetica')
      .fontSize(11)
      .text(label, left, y + 3, { width: 130 });
    pdf.rect(left + 140, y, width - 220, 16).fill('#e8ebf3');
    if (count !== null) pdf.rect(left + 140, y, (width - 220) * share, 16).fill(colors[i]!);
    pdf.fillColor(INK).text(count === null ? 'x' : `${count} (${Math.round(share * 100)}%)`, left + width - 70, y + 3, {
      width: 70,
      align: 'right',
    });
    y += 24;
  });

  pdf.y = y + 10;
  pdf.fillColor(INK).font('Helvetica-Bold').fontSize(12).text('Wie we zijn en wat ons werk vraagt', left, pdf.y);
  y = pdf.y + 6;
  const mean = doc.means.means[0]!;
  instrument.types.forEach((type, i) => {
    const who = mean[i] ?? null;
    const asked =
      totalHidden[totals.length - 1] || casus.hidden[i]![totals.length - 1]
        ? null
        : casus.values[i]![totals.length - 1]! / (grand ?? 1);
    pdf
      .fillColor(INK)
      .font('Helvetica')
      .fontSize(11)
      .text(doc.means.colLabels[i]!, left, y + 3, { width: 130 });
    pdf.rect(left + 140, y, width - 220, 9).fill('#e8ebf3');
    if (who !== null) pdf.rect(left + 140, y, ((width - 220) * who) / 100, 9).fill(type.color);
    pdf.rect(left + 140, y + 11, width - 220, 9).fill('#e8ebf3');
    if (asked !== null) pdf.rect(left + 140, y + 11, (width - 220) * asked, 9).fill(INK);
    pdf
      .fillColor(MUTED)
      .fontSize(9)
      .text(
        `mix ${who === null ? 'x' : `${who}%`} · vraagt ${asked === null ? 'x' : `${Math.round(asked * 100)}%`}`,
        left + width - 75,
        y + 5,
        { width: 75, align: 'right' },
      );
    y += 30;
  });
  pdf
    .fillColor(MUTED)
    .fontSize(9)
    .text(
      'Gekleurde balk: gemiddelde mix van de deelnemers. Donkere balk: hoe vaak hun eigen situatie vooral dit type vraagt.',
      left,
      y + 2,
      { width },
    );

  pdf.moveDown(1.5).fillColor(INK).font('Helvetica-Bold').fontSize(12).text('Profielen', left);
  const profiles = doc.counts.find((t) => t.id === 'profielen')!;
  const shown = profiles.rowLabels
    .map((label, r) => ({ label, count: profiles.hidden[r]![0] ? null : profiles.values[r]![0]! }))
    .filter((p) => p.count === null || p.count > 0);
  pdf.font('Helvetica').fontSize(10).fillColor(INK);
  for (const p of shown) pdf.text(`${p.label}: ${p.count === null ? 'x' : p.count}`, { continued: false });

  pdf
    .fontSize(8)
    .fillColor(MUTED)
    .text(
      `Aantallen onder ${doc.stamp.suppressBelow}, en aantallen die daaruit af te leiden zijn, staan als x. Bezoekers tellen mee in hele groepen van ${doc.stamp.suppressBelow}. Dit is een spiegel van de groep, geen beoordeling. Gemaakt ${doc.stamp.generatedAt}. Controlegetal ${doc.stamp.checksum}.`,
      left,
      pdf.page.height - 90,
      { width },
    );
  pdf.end();
  return done;
}
