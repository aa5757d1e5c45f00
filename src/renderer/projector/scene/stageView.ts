import { polygonCorner } from '../../../core/scoring';

/** How the stage maps to the screen: centre and zoom (pixels per world unit) for an orthographic camera. */
export interface StageView {
  centerX: number;
  centerY: number;
  zoom: number;
}

/**
 * Fits the polygon with room for the corner labels around it and a band above it for the frame and the view's
 * headline: the top corner sits at 38 % of the height when the height decides the zoom, the rest of the polygon below.
 */
export function fitStage(n: number, radius: number, width: number, height: number): StageView {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const [x, y] = polygonCorner(i, n);
    xs.push(x * radius);
    ys.push(y * radius);
  }
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  // Room around the polygon for the corner labels: more above and below than at the sides.
  const zoom = Math.min(width / ((maxX - minX) * 1.7), height / ((maxY - minY) * 2.8));
  return { centerX: (minX + maxX) / 2, centerY: maxY - (maxY - minY) * 0.336, zoom };
}

/** Screen pixel of a world point under a view. */
export function toScreen(view: StageView, width: number, height: number, x: number, y: number): [number, number] {
  return [width / 2 + (x - view.centerX) * view.zoom, height / 2 - (y - view.centerY) * view.zoom];
}
