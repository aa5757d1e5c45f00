import { mixColors, profilePosition } from '../../../core/scoring';

/** Label height and the width of one character, in the drawing's units: enough to keep two labels apart. */
const LINE = 15;
const CHAR = 7.2;
/** The drawing's right edge (its viewBox), which no label may run over. */
const RIGHT_EDGE = 148;

interface Placed {
  nickname: string;
  x: number;
  y: number;
  /** Where the label starts: right of the point, or left of it near the drawing's right edge. */
  labelX: number;
  labelY: number;
  color: string;
}

/**
 * Places each named mark's label beside its point and moves it down a line while it would cover an earlier one, so
 * two people with a similar mix stay readable.
 */
export function placeLabels(
  named: readonly { nickname: string; shares: readonly number[] }[],
  colors: readonly string[],
): Placed[] {
  const placed: Placed[] = [];
  const points = named
    .map((p) => {
      const [x, y] = profilePosition(p.shares);
      return { nickname: p.nickname, x: x * 100, y: -y * 100, color: mixColors(colors, p.shares) };
    })
    .sort((a, b) => a.y - b.y || a.x - b.x);
  for (const p of points) {
    let labelY = p.y + 5;
    const width = p.nickname.length * CHAR;
    const labelX = p.x + 9 + width > RIGHT_EDGE ? p.x - 9 - width : p.x + 9;
    const covers = (q: Placed): boolean =>
      Math.abs(q.labelY - labelY) < LINE &&
      labelX < q.labelX + q.nickname.length * CHAR + 4 &&
      q.labelX < labelX + width + 4;
    while (placed.some(covers)) labelY += LINE;
    placed.push({ ...p, labelX, labelY });
  }
  return placed;
}
