import type { DotMark } from '../../../core/export/crowdDots';
import { INK, type Box } from '../pdf/document';

export { INK, type Box };

/** The report's page: what every figure draws its shapes on (its text goes through TaggedPdf). */
export type Pdf = PDFKit.PDFDocument;

export const MUTED = '#4a5270';
export const TRACK = '#e8ebf3';
export const GREY = '#8a8f9c';

/**
 * A pattern per type, so a bar reads in black-and-white print too: none, diagonal lines, dots, cross-hatch,
 * horizontal lines; the balanced column gets vertical lines.
 */
export type Pattern = 'solid' | 'diagonal' | 'dots' | 'cross' | 'horizontal' | 'vertical';
const TYPE_PATTERNS: Pattern[] = ['solid', 'diagonal', 'dots', 'cross', 'horizontal'];
export const patternOf = (index: number, balanced = false): Pattern =>
  balanced ? 'vertical' : TYPE_PATTERNS[index % TYPE_PATTERNS.length]!;

/** A filled rectangle in `color` with the pattern over it in white, so both colour and print tell types apart. */
export function patternRect(pdf: Pdf, box: Box, color: string, pattern: Pattern): void {
  if (box.w <= 0 || box.h <= 0) return;
  pdf.save();
  pdf.rect(box.x, box.y, box.w, box.h).fill(color);
  if (pattern !== 'solid') {
    pdf.rect(box.x, box.y, box.w, box.h).clip();
    pdf.lineWidth(1).strokeColor('#ffffff');
    const step = 4;
    const lines = (from: number, to: number, draw: (v: number) => void): void => {
      for (let v = from; v <= to; v += step) draw(v);
    };
    if (pattern === 'diagonal' || pattern === 'cross')
      lines(box.x - box.h, box.x + box.w, (v) =>
        pdf
          .moveTo(v, box.y + box.h)
          .lineTo(v + box.h, box.y)
          .stroke(),
      );
    if (pattern === 'cross')
      lines(box.x - box.h, box.x + box.w, (v) =>
        pdf
          .moveTo(v, box.y)
          .lineTo(v + box.h, box.y + box.h)
          .stroke(),
      );
    if (pattern === 'horizontal')
      lines(box.y + 2, box.y + box.h, (v) =>
        pdf
          .moveTo(box.x, v)
          .lineTo(box.x + box.w, v)
          .stroke(),
      );
    if (pattern === 'vertical')
      lines(box.x + 2, box.x + box.w, (v) =>
        pdf
          .moveTo(v, box.y)
          .lineTo(v, box.y + box.h)
          .stroke(),
      );
    if (pattern === 'dots') {
      pdf.fillColor('#ffffff');
      for (let y = box.y + 2; y < box.y + box.h; y += step)
        for (let x = box.x + 2 + ((y - box.y) % 8 === 2 ? 0 : 2); x < box.x + box.w; x += step)
          pdf.circle(x, y, 0.8).fill();
    }
  }
  pdf.restore();
}

/** A hidden count: an outlined, empty box with an "x", as the tables write it. */
export function hiddenMark(pdf: Pdf, x: number, y: number, size = 10): void {
  pdf.save().lineWidth(0.8).strokeColor(GREY).rect(x, y, size, size).stroke();
  pdf
    .moveTo(x + 2, y + 2)
    .lineTo(x + size - 2, y + size - 2)
    .moveTo(x + size - 2, y + 2)
    .lineTo(x + 2, y + size - 2);
  pdf.stroke().restore();
}

/**
 * The mark of a dot: circle, square, triangle, diamond, pentagon by leading type; a ring for a balanced mix. Filled in
 * `color`, outlined in ink, so shapes tell the types apart in a black-and-white print.
 */
export function drawMark(pdf: Pdf, mark: DotMark, cx: number, cy: number, r: number, color: string): void {
  const polygon = (corners: number, turn: number): void => {
    const points = Array.from({ length: corners }, (_, i) => {
      const a = turn + (i * 2 * Math.PI) / corners;
      return [cx + r * 1.15 * Math.cos(a), cy - r * 1.15 * Math.sin(a)] as [number, number];
    });
    pdf.polygon(...points);
  };
  pdf.save().lineWidth(0.6).strokeColor(INK).fillColor(color);
  if (mark === 'balanced') {
    pdf
      .lineWidth(1.8)
      .strokeColor(color)
      .circle(cx, cy, r * 0.85)
      .stroke();
    pdf
      .lineWidth(0.4)
      .strokeColor(INK)
      .circle(cx, cy, r * 1.2)
      .stroke();
  } else {
    switch (mark % 5) {
      case 0:
        pdf.circle(cx, cy, r);
        break;
      case 1:
        pdf.rect(cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8);
        break;
      case 2:
        polygon(3, Math.PI / 2);
        break;
      case 3:
        polygon(4, 0);
        break;
      default:
        polygon(5, Math.PI / 2);
    }
    pdf.fillAndStroke();
  }
  pdf.restore();
}
