import type { CrowdPicture, DotMark } from '../../../core/export/crowdDots';
import { localize } from '../../../core/instrument';
import { mixColors, polygonCorner } from '../../../core/scoring';
import { crowdAlt } from './alt';
import type { Report } from './context';
import { drawMark, GREY, INK, MUTED, type Box } from './draw';

/** The marked-content tag around every dot and every density cell, so the tests count them in the file. */
export const DOT_TAG = 'Dot';
export const BIN_TAG = 'Bin';
const DOT_RADIUS = 2.6;
const BALANCED_COLOR = '#7d7f86';

/** Where the polygon sits in its box: centre and corner radius, in points (a triangle sits a little low). */
export function plotFrame(box: Box, corners: number): { cx: number; cy: number; radius: number } {
  const radius = Math.min(box.w, box.h) / 2 - 34;
  return { cx: box.x + box.w / 2, cy: box.y + box.h / 2 + (corners === 3 ? radius * 0.22 : 0), radius };
}

/** The plot's geometry: page point of a place in the unit polygon, and the polygon's corners on the page. */
interface Frame {
  cx: number;
  cy: number;
  radius: number;
  at: (x: number, y: number) => [number, number];
  corners: [number, number][];
}

/**
 * The crowd in type space: the instrument's polygon (a triangle for three types, a square for four) with the
 * participants of the profiles the tables show, a dot each (coloured by the mix, shaped by the leading type), or
 * past a few thousand as density in hexagonal cells. Without anyone to draw, a line says why.
 */
export function crowdPlot(report: Report, box: Box): void {
  const { doc, instrument, crowd } = report;
  const pdf = doc.pdf;
  const n = instrument.types.length;
  const { cx, cy, radius } = plotFrame(box, n);
  const at = (x: number, y: number): [number, number] => [cx + x * radius, cy - y * radius];
  const frame: Frame = { cx, cy, radius, at, corners: instrument.types.map((_, i) => at(...polygonCorner(i, n))) };

  doc.figure(crowdAlt(report), box, () => {
    pdf.save().lineWidth(1).strokeColor(GREY).fillColor('#f7f8fb');
    pdf.polygon(...frame.corners).fillAndStroke();
    // Lines from the centre to each corner, faint: where a mix leans.
    pdf.lineWidth(0.4).strokeColor('#c9cdd8').dash(2, { space: 2 });
    for (const [x, y] of frame.corners) pdf.moveTo(cx, cy).lineTo(x, y).stroke();
    pdf.undash().restore();
    drawCrowd(report, frame);
    cornerLabels(report, frame);
    if (crowd.kind === 'none') {
      const why = report.figures.participants === null ? report.words.noDots(report.threshold) : report.words.allHidden;
      doc.line(why, box.x, cy - 5, box.w, { size: 10, color: MUTED, align: 'center' });
    }
  });
}

/** The dots, or the density cells (clipped to the polygon), each in its own marked content. */
function drawCrowd(report: Report, { at, corners, radius }: Frame): void {
  const { doc, instrument, crowd } = report;
  const pdf = doc.pdf;
  const colors = instrument.types.map((t) => t.color);
  if (crowd.kind === 'dots')
    for (const dot of crowd.dots) {
      const [x, y] = at(dot.x, dot.y);
      pdf.markContent(DOT_TAG);
      drawMark(pdf, dot.mark, x, y, DOT_RADIUS, mixColors(colors, dot.shares));
      pdf.endMarkedContent();
    }
  if (crowd.kind === 'density') {
    pdf.save();
    pdf.polygon(...corners).clip();
    const size = crowd.cell * radius;
    for (const bin of crowd.bins) {
      const [x, y] = at(bin.x, bin.y);
      const hexagon = Array.from({ length: 6 }, (_, k): [number, number] => {
        const a = Math.PI / 6 + (k * Math.PI) / 3;
        return [x + size * Math.cos(a), y + size * Math.sin(a)];
      });
      pdf.markContent(BIN_TAG);
      pdf.polygon(...hexagon).fill(shaded(mixColors(colors, bin.shares), bin.level, crowd.levels.length));
      pdf.endMarkedContent();
    }
    pdf.restore();
  }
}

/** Each corner's mark and name on a white ground. */
function cornerLabels(report: Report, { cx, cy, radius, corners }: Frame): void {
  const { doc, instrument } = report;
  const pdf = doc.pdf;
  instrument.types.forEach((type, i) => {
    const [x, y] = corners[i]!;
    drawMark(pdf, i, x, y, 7, type.color);
    const label = `${localize(type.name, report.lang)} (${type.mark})`;
    // Top and bottom corners: the label above or below, centred. Side corners: above, running outwards.
    const side = Math.abs(y - cy) < radius * 0.3;
    const align = !side ? 'center' : x < cx ? 'left' : 'right';
    const lx = align === 'center' ? x - 70 : align === 'left' ? x - 12 : x + 12 - 140;
    const ly = side || y < cy ? y - 22 : y + 10;
    pdf.font('Bold').fontSize(9);
    const w = Math.min(140, pdf.widthOfString(doc.clean(label))) + 6;
    const bx = align === 'center' ? x - w / 2 : align === 'left' ? lx - 3 : lx + 140 - w + 3;
    pdf.rect(bx, ly - 2, w, 13).fill('#ffffff');
    doc.line(label, lx, ly, 140, { size: 9, bold: true, align });
  });
}

/**
 * A density cell's fill: its mix colour, light for the emptiest shown cells, full at about two thirds of the levels,
 * and darker towards ink for the fullest, so the shades read in grey print too.
 */
function shaded(color: string, level: number, levels: number): string {
  const t = levels > 1 ? level / (levels - 1) : 1;
  return t <= 0.6
    ? mixColors([color, '#ffffff'], [0.2 + (0.8 * t) / 0.6, 0.8 - (0.8 * t) / 0.6])
    : mixColors([color, INK], [1 - ((t - 0.6) / 0.4) * 0.45, ((t - 0.6) / 0.4) * 0.45]);
}

/** The legend beside the plot: what each mark (or each shade) stands for, how many are drawn, how to read it. */
export function crowdLegend(report: Report, box: Box): void {
  const { doc, crowd, words } = report;
  const entries = legendEntries(report, crowd);
  let y = box.y;
  for (const e of entries) {
    const top = y;
    doc.artifact(() => e.draw(box.x + 6, top + 5));
    doc.paragraph(e.label, box.x + 16, top, box.w - 16, { size: 8.5 });
    y += 14;
  }
  if (crowd.kind === 'none') return;
  y = doc.paragraph(words.drawn(crowd.drawn, report.figures.participants), box.x, y + 2, box.w, {
    size: 8.5,
    bold: true,
    height: 36,
  });
  const note = crowd.kind === 'density' ? words.densityNote(report.threshold) : words.dotsNote;
  doc.paragraph(note, box.x, y + 4, box.w, { size: 8, color: MUTED, height: box.y + box.h - y - 4 });
}

function legendEntries(report: Report, crowd: CrowdPicture): { label: string; draw: (x: number, y: number) => void }[] {
  const { doc, instrument, words } = report;
  const pdf = doc.pdf;
  if (crowd.kind === 'density') {
    const colors = instrument.types.map((t) => t.color);
    const even = instrument.types.map(() => 1);
    return crowd.levels.map((from, level) => {
      const next = crowd.levels[level + 1];
      return {
        label: words.densityLevel(from, next === undefined ? null : next - 1),
        draw: (x, y) =>
          pdf.rect(x - 5, y - 5, 10, 10).fill(shaded(mixColors(colors, even), level, crowd.levels.length)),
      };
    });
  }
  const marks = new Set<DotMark>(crowd.kind === 'dots' ? crowd.dots.map((d) => d.mark) : []);
  const entries = instrument.types.flatMap((t, i) =>
    marks.has(i)
      ? [
          {
            label: words.leading(localize(t.name, report.lang)),
            draw: (x: number, y: number) => drawMark(pdf, i, x, y, 4, t.color),
          },
        ]
      : [],
  );
  if (marks.has('balanced'))
    entries.push({ label: words.balancedMark, draw: (x, y) => drawMark(pdf, 'balanced', x, y, 4, BALANCED_COLOR) });
  return entries;
}
