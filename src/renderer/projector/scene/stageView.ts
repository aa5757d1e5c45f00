import { polygonCorner } from '../../../core/scoring';

/** How the stage maps to the screen: centre and zoom (pixels per world unit) for an orthographic camera. */
export interface StageView {
  centerX: number;
  centerY: number;
  zoom: number;
}

/** Where a corner's label stands: beside a top corner, under a bottom one, or outward at the side of the stage. */
export type CornerPlace = 'above' | 'below' | 'beside' | 'left' | 'right';

/** 3:2 and wider: room enough at the sides of the stage for labels, so the height goes to the stage. */
export const isWideScreen = (width: number, height: number): boolean => width >= height * 1.5;

/**
 * The label's place for the corner at (wx, wy) of the unit polygon. A top corner has its label beside it (the band
 * above the stage is the headline's); a bottom corner, below it. The other lower and level corners have theirs
 * outward on a wide screen, where a label below would wrap between two corners; above or below on a narrow one.
 */
export function cornerPlace(wx: number, wy: number, wide: boolean): CornerPlace {
  if (Math.abs(wx) < 0.01) return wy > 0 ? 'beside' : 'below';
  if (wide && wy < 0.01) return wx < 0 ? 'left' : 'right';
  return wy < -0.01 ? 'below' : 'above';
}

/**
 * Fits the polygon with room for the corner labels around it and a band above it for the frame and the view's
 * headline. The top corner sits at about 38 % of the height when the height decides the zoom, the rest of the
 * polygon below, leaving room for labels under it. On a wide screen the side corners' labels stand at the sides, and
 * the stage reaches down to 84 % of the height (77 % when a bottom corner has its label under it).
 */
export function fitStage(n: number, radius: number, width: number, height: number): StageView {
  const corners = Array.from({ length: n }, (_, i) => polygonCorner(i, n));
  const xs = corners.map(([x]) => x * radius);
  const ys = corners.map(([, y]) => y * radius);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const wide = isWideScreen(width, height);
  if (wide) {
    const top = 0.36;
    // A label under a bottom corner (four types) needs the room below the stage that the others leave free.
    const bottom = corners.some(([x, y]) => cornerPlace(x, y, wide) === 'below') ? 0.77 : 0.84;
    const zoom = Math.min((width * 0.6) / (maxX - minX), ((bottom - top) * height) / (maxY - minY));
    return { centerX: (minX + maxX) / 2, centerY: maxY - ((0.5 - top) * height) / zoom, zoom };
  }
  // Room around the polygon for the corner labels: more above and below than at the sides.
  const zoom = Math.min(width / ((maxX - minX) * 1.7), height / ((maxY - minY) * 2.8));
  return { centerX: (minX + maxX) / 2, centerY: maxY - (maxY - minY) * 0.336, zoom };
}

/** Screen pixel of a world point under a view. */
export function toScreen(view: StageView, width: number, height: number, x: number, y: number): [number, number] {
  return [width / 2 + (x - view.centerX) * view.zoom, height / 2 - (y - view.centerY) * view.zoom];
}
