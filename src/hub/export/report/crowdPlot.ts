import type { CrowdDot, DotMark } from '../../../core/export/crowdDots';
import { localize, type Instrument } from '../../../core/instrument';
import { mixColors, polygonCorner } from '../../../core/scoring';
import { drawMark, fitText, GREY, INK, MUTED, type Box, type Pdf } from './draw';

/** The marked-content tag around every dot, so a reader of the file (and the tests) can count the dots. */
export const DOT_TAG = 'Dot';
const DOT_RADIUS = 2.6;

/** Where the polygon sits in its box: centre and corner radius, in points (a triangle sits a little low). */
export function plotFrame(box: Box, corners: number): { cx: number; cy: number; radius: number } {
  const radius = Math.min(box.w, box.h) / 2 - 34;
  return { cx: box.x + box.w / 2, cy: box.y + box.h / 2 + (corners === 3 ? radius * 0.22 : 0), radius };
}

/**
 * The crowd in type space: the instrument's polygon (a triangle for three types, a square for four) with one dot per
 * counted participant, coloured by the mix and marked by the leading type. Below the threshold there are no dots,
 * only a line that says why.
 */
export function crowdPlot(
  pdf: Pdf,
  box: Box,
  instrument: Instrument,
  dots: readonly CrowdDot[],
  threshold: number,
): void {
  const n = instrument.types.length;
  const { cx, cy, radius } = plotFrame(box, n);
  const at = (x: number, y: number): [number, number] => [cx + x * radius, cy - y * radius];
  const corners = instrument.types.map((_, i) => at(...polygonCorner(i, n)));
  const colors = instrument.types.map((t) => t.color);

  pdf.save().lineWidth(1).strokeColor(GREY).fillColor('#f7f8fb');
  pdf.polygon(...corners).fillAndStroke();
  // Lines from the centre to each corner, faint: where a mix leans.
  pdf.lineWidth(0.4).strokeColor('#c9cdd8').dash(2, { space: 2 });
  for (const [x, y] of corners) pdf.moveTo(cx, cy).lineTo(x, y).stroke();
  pdf.undash().restore();

  instrument.types.forEach((type, i) => {
    const [x, y] = corners[i]!;
    drawMark(pdf, i, x, y, 7, type.color);
    const label = `${localize(type.name, 'nl')} (${type.mark})`;
    // Top and bottom corners: the label above or below, centred. Side corners: above, running outwards.
    const side = Math.abs(y - cy) < radius * 0.3;
    const align = !side ? 'center' : x < cx ? 'left' : 'right';
    const lx = align === 'center' ? x - 70 : align === 'left' ? x - 12 : x + 12 - 140;
    const ly = side || y < cy ? y - 22 : y + 10;
    pdf.font('Helvetica-Bold').fontSize(9);
    const w = pdf.widthOfString(label) + 6;
    const bx = align === 'center' ? x - w / 2 : align === 'left' ? lx - 3 : lx + 140 - w + 3;
    pdf.rect(bx, ly - 2, w, 13).fill('#ffffff');
    fitText(pdf, label, lx, ly, 140, { size: 9, bold: true, align });
  });

  if (dots.length === 0) {
    fitText(pdf, `Geen stippen: minder dan ${threshold} deelnemers geteld.`, box.x, cy - 5, box.w, {
      size: 10,
      color: MUTED,
      align: 'center',
    });
    return;
  }
  for (const dot of dots) {
    const [x, y] = at(dot.x, dot.y);
    pdf.markContent(DOT_TAG);
    drawMark(pdf, dot.mark, x, y, DOT_RADIUS, mixColors(colors, dot.shares));
    pdf.endMarkedContent();
  }
}

/** The legend beside the plot: each mark, what it stands for, and how many dots carry it where the tables show that. */
export function crowdLegend(
  pdf: Pdf,
  box: Box,
  instrument: Instrument,
  dots: readonly CrowdDot[],
  leadCounts: readonly (number | null)[],
): number {
  const marks: { mark: DotMark; label: string; count: number | null; color: string }[] = [];
  instrument.types.forEach((t, i) => {
    if (dots.some((d) => d.mark === i) || leadCounts[i] !== null)
      marks.push({
        mark: i,
        label: `Leidend: ${localize(t.name, 'nl')}`,
        count: leadCounts[i] ?? null,
        color: t.color,
      });
  });
  const balanced = leadCounts[instrument.types.length] ?? null;
  if (balanced !== null)
    marks.push({ mark: 'balanced', label: 'In balans (geen leidend type)', count: balanced, color: '#7d7f86' });
  if (dots.some((d) => d.mark === 'other'))
    marks.push({ mark: 'other', label: 'Groepen die te klein zijn om apart te tonen', count: null, color: '#7d7f86' });
  let y = box.y;
  for (const m of marks) {
    drawMark(pdf, m.mark, box.x + 6, y + 5, 4, m.color);
    fitText(pdf, m.count === null ? m.label : `${m.label}: ${m.count}`, box.x + 16, y, box.w - 16, { size: 8.5 });
    y += 14;
  }
  pdf
    .fillColor(MUTED)
    .font('Helvetica')
    .fontSize(8)
    .text(
      'Elke stip is één deelnemer, op de plek van zijn of haar mix: hoe dichter bij een hoek, hoe sterker dat type. ' +
        'De kleur mengt de kleuren van de types zoals de mix ze mengt; de vorm zegt welk type leidt. ' +
        'Elke stip staat iets verschoven, zodat geen stip iemands precieze antwoorden laat zien.',
      box.x,
      y + 4,
      { width: box.w },
    );
  pdf.fillColor(INK);
  return pdf.y;
}
