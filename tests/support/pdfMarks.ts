import { labelKey, labelRanked, labelShares, polygonCorner } from '../../src/core/scoring';
import type { Instrument } from '../../src/core/instrument';
import { pdfOperators } from './pdfPages';

/** A shape as a reader of the content stream tells it apart by its drawing operators. */
export type MarkShape = 'circle' | 'ring' | 'square' | 'triangle' | 'diamond' | 'pentagon' | 'cross' | 'other';

/** One mark of the crowd plot as read back from the file: where it is (page points, y down) and its shape. */
export interface ReadMark {
  x: number;
  y: number;
  shape: MarkShape;
}

/** The shape of one mark from its path operators: curves make circles, `re` a square, straight edges a polygon. */
function shapeOf(ops: string): MarkShape {
  const count = (op: string): number => ops.match(new RegExp(`(^|\\s)${op}(?=\\s|$)`, 'g'))?.length ?? 0;
  const curves = count('c');
  const lines = count('l');
  const moves = count('m');
  if (count('re') > 0) return 'square';
  if (curves >= 8) return 'ring';
  if (curves >= 4) return 'circle';
  if (moves >= 2 && lines >= 2) return 'cross';
  if (lines === 2) return 'triangle';
  if (lines === 3) return 'diamond';
  if (lines === 4) return 'pentagon';
  return 'other';
}

/**
 * Every mark drawn inside a `/Dot` marked-content section, as an attacker reads them from the page's content stream:
 * the centre of the coordinates its path uses, and its shape.
 */
export function readMarks(pdf: Buffer): ReadMark[] {
  const ops = pdfOperators(pdf);
  const marks: ReadMark[] = [];
  const re = /\/Dot\s+(?:<<[^>]*>>\s+BDC|BMC)([\s\S]*?)EMC/g;
  for (let m = re.exec(ops); m; m = re.exec(ops)) {
    const body = m[1]!;
    // Path construction operators with their operands: "x y m", "x y l", "x1 y1 x2 y2 x3 y3 c", "x y w h re".
    const xs: number[] = [];
    const ys: number[] = [];
    const path = /((?:-?[\d.]+\s+){2,6})(m|l|c|re)\b/g;
    for (let p = path.exec(body); p; p = path.exec(body)) {
      const v = p[1]!.trim().split(/\s+/).map(Number);
      if (p[2] === 're') {
        xs.push(v[0]!, v[0]! + v[2]!);
        ys.push(v[1]!, v[1]! + v[3]!);
      } else
        for (let i = 0; i + 1 < v.length; i += 2) {
          xs.push(v[i]!);
          ys.push(v[i + 1]!);
        }
    }
    if (xs.length === 0) continue;
    const shape = shapeOf(body);
    // A curve's control points frame a circle: its centre is the middle of their box. A polygon's centre is the mean
    // of its corners (the middle of a triangle's box lies off its centre).
    const centre = (v: number[]): number =>
      shape === 'circle' || shape === 'ring' || shape === 'square' || shape === 'cross'
        ? (Math.min(...v) + Math.max(...v)) / 2
        : v.reduce((a, b) => a + b, 0) / v.length;
    marks.push({ x: centre(xs), y: centre(ys), shape });
  }
  return marks;
}

/**
 * Which profile region of a three-type plot a point lies in, as a reader works it out from the geometry alone:
 * the mix from the point (barycentric coordinates in the triangle), then the label the scoring gives that mix
 * ("balanced" for a chameleon or an all-rounder, which the plot cannot tell apart).
 */
export function regionAt(
  instrument: Instrument,
  frame: { cx: number; cy: number; radius: number },
  x: number,
  y: number,
): string {
  const ux = (x - frame.cx) / frame.radius;
  const uy = (frame.cy - y) / frame.radius;
  const [a, b, c] = [0, 1, 2].map((i) => polygonCorner(i, 3));
  const det = (b![1] - c![1]) * (a![0] - c![0]) + (c![0] - b![0]) * (a![1] - c![1]);
  const s0 = ((b![1] - c![1]) * (ux - c![0]) + (c![0] - b![0]) * (uy - c![1])) / det;
  const s1 = ((c![1] - a![1]) * (ux - c![0]) + (a![0] - c![0]) * (uy - c![1])) / det;
  const shares = [s0, s1, 1 - s0 - s1].map((s) => Math.max(0, s));
  const typeIds = instrument.types.map((t) => t.id);
  const label =
    instrument.scoring === 'first-and-second' ? labelRanked(typeIds, shares, 0) : labelShares(typeIds, shares);
  return label.kind === 'chameleon' || label.kind === 'all-round' ? 'balanced' : labelKey(label);
}
