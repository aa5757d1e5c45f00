import { polygonCorner, profilePosition } from '../../core/scoring';

/**
 * The crowd as numbers: where each figure comes from, where it settles, when it arrived and its colour, in typed
 * arrays sized once. The GPU animates the walk and the idle sway from these (see crowdShader.ts); this module only
 * runs when someone arrives, so a settled crowd costs no JavaScript per frame.
 */
export interface CrowdSim {
  readonly capacity: number;
  readonly radius: number;
  count: number;
  spacing: number;
  /** xy where the walk starts, per figure. */
  readonly from: Float32Array;
  /** xy where the figure settles, per figure. */
  readonly to: Float32Array;
  /** Arrival time in seconds, per figure. */
  readonly start: Float32Array;
  /** Idle sway phase, per figure. */
  readonly phase: Float32Array;
  /** rgb 0..1, per figure. */
  readonly color: Float32Array;
  /** The profile point (before separation), per figure. */
  readonly ideal: Float32Array;
  /** Occupied grid cells → figure index. */
  readonly cells: Map<number, number>;
  /**
   * Figures [from, to) changed since the renderer last uploaded them: one figure per arrival, everyone after a
   * re-layout. The renderer sends only these to the GPU and then calls `takeDirty`.
   */
  dirty: { from: number; to: number };
}

const CLEAN = { from: 0, to: 0 } as const;

function markDirty(sim: CrowdSim, from: number, to: number): void {
  sim.dirty =
    sim.dirty.to > sim.dirty.from
      ? { from: Math.min(sim.dirty.from, from), to: Math.max(sim.dirty.to, to) }
      : { from, to };
}

/** The figures to upload since the last call, and a clean slate. */
export function takeDirty(sim: CrowdSim): { from: number; to: number } {
  const dirty = sim.dirty;
  sim.dirty = CLEAN;
  return dirty;
}

/** Seconds a figure takes to walk to its place. */
export const WALK_SECONDS = 2.4;

export function createCrowdSim(capacity: number, radius = 10): CrowdSim {
  return {
    capacity,
    radius,
    count: 0,
    spacing: spacingFor(0, radius),
    from: new Float32Array(capacity * 2),
    to: new Float32Array(capacity * 2),
    start: new Float32Array(capacity),
    phase: new Float32Array(capacity),
    color: new Float32Array(capacity * 3),
    ideal: new Float32Array(capacity * 2),
    cells: new Map(),
    dirty: CLEAN,
  };
}

/** Figure spacing for a crowd size: big figures for a small crowd, shrinking so 10,000 still fit the polygon. */
export function spacingFor(count: number, radius: number): number {
  const area = 1.2 * radius * radius;
  const fit = Math.sqrt(area / Math.max(count * 2.2, 1));
  return Math.min(radius * 0.12, Math.max(radius * 0.008, fit));
}

/** The tallest a figure gets (a handful of people) and the smallest (thousands), in radii of the stage. */
export const FIGURE_MAX = 0.16;
export const FIGURE_MIN = 0.03;

/**
 * How tall a figure is drawn for a crowd of `count`, in world units: large for a room of 50 so each person reads from
 * the back, shrinking with the cube root-ish of the crowd (count^-0.35) so 5,000 still read as people standing
 * close together, heads over shoulders, instead of a haze of dots on a grid. Figures may be taller than the spacing
 * of their places: in a large crowd they overlap as people do, the nearer in front.
 */
export function figureHeightFor(count: number, radius: number): number {
  const height = radius * 1.1 * Math.max(count, 1) ** -0.35;
  return Math.min(radius * FIGURE_MAX, Math.max(radius * FIGURE_MIN, height));
}

/**
 * Arrivals carry their sway phase in [0, 2π); a figure that only moves to make room gets it shifted by a whole number
 * of turns (the sway looks the same), which tells the shader not to light it up as a newcomer.
 */
export const SHUFFLE_PHASE = 8 * Math.PI;

/**
 * The lowest point inside the polygon at `x` (its lower boundary): every lower edge bounds the inside from below,
 * so the boundary is the highest of their lines there.
 */
export function lowerBoundary(x: number, n: number, radius: number): number {
  let y = -Infinity;
  for (let i = 0; i < n; i++) {
    const [ax, ay] = polygonCorner(i, n);
    const [bx, by] = polygonCorner((i + 1) % n, n);
    // Counter-clockwise corners: an edge running to the right has the inside above it.
    if (bx - ax <= 1e-9) continue;
    y = Math.max(y, (ay + ((by - ay) * (x / radius - ax)) / (bx - ax)) * radius);
  }
  return y;
}

/** Is (x, y) inside the regular polygon with `n` corners and this radius (with a margin)? */
export function insidePolygon(x: number, y: number, n: number, radius: number, margin = 0): boolean {
  for (let i = 0; i < n; i++) {
    const [ax, ay] = polygonCorner(i, n);
    const [bx, by] = polygonCorner((i + 1) % n, n);
    // Corners run counter-clockwise, so the inside is on the left of every edge.
    const cross = (bx - ax) * (y / radius - ay) - (by - ay) * (x / radius - ax);
    const edge = Math.hypot(bx - ax, by - ay);
    if (cross / edge < margin / radius) return false;
  }
  return true;
}

const cellKey = (cx: number, cy: number): number => (cx + 4096) * 8192 + (cy + 4096);

/** A figure's size in spacings (figureGeometry.ts is 0.64 wide and 0.99 high, drawn at 1.1 spacings a unit). */
export const FIGURE_SCALE = 1.1;
export const FIGURE_WIDTH = 0.64 * FIGURE_SCALE;
export const FIGURE_HEIGHT = 0.99 * FIGURE_SCALE;

/**
 * Rows are further apart than columns: a figure is taller than it is wide, so one standing behind another would
 * otherwise have its head in the other's back.
 */
export const ROW_STEP = 1.15;

/** Finds the free grid cell nearest to (x, y) inside the polygon, searching outwards ring by ring. */
function placeNear(sim: CrowdSim, n: number, x: number, y: number): [number, number, number] | null {
  const s = sim.spacing;
  const sy = s * ROW_STEP;
  const cx0 = Math.round(x / s);
  const cy0 = Math.round(y / sy);
  const maxRing = Math.ceil((2 * sim.radius) / s) + 2;
  for (let ring = 0; ring <= maxRing; ring++) {
    let best: [number, number, number] | null = null;
    let bestDist = Infinity;
    const consider = (cx: number, cy: number): void => {
      const key = cellKey(cx, cy);
      if (sim.cells.has(key)) return;
      const px = cx * s;
      const py = cy * sy;
      const d = (px - x) ** 2 + (py - y) ** 2;
      if (d >= bestDist || !insidePolygon(px, py, n, sim.radius, s * 0.5)) return;
      bestDist = d;
      best = [px, py, key];
    };
    // Only the ring's perimeter: the inner rings were searched already.
    for (let d = -ring; d <= ring; d++) {
      consider(cx0 + d, cy0 - ring);
      if (ring > 0) consider(cx0 + d, cy0 + ring);
    }
    for (let d = -ring + 1; d <= ring - 1; d++) {
      consider(cx0 - ring, cy0 + d);
      consider(cx0 + ring, cy0 + d);
    }
    if (best) return best;
  }
  return null;
}

function hexToRgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/** Mixes the type colours by share into the figure's colour (the colour-channel image). */
function mixInto(out: Float32Array, offset: number, shares: readonly number[], typeColors: readonly string[]): void {
  let r = 0;
  let g = 0;
  let b = 0;
  shares.forEach((share, i) => {
    const [cr, cg, cb] = hexToRgb(typeColors[i] ?? '#ffffff');
    r += share * cr;
    g += share * cg;
    b += share * cb;
  });
  out[offset] = r;
  out[offset + 1] = g;
  out[offset + 2] = b;
}

/**
 * Adds a figure that walks in from the stage's lower edge at `time` and settles at its profile's point, moved to the nearest
 * free spot. Returns its index, or -1 when the crowd is at capacity.
 */
export function addFigure(
  sim: CrowdSim,
  shares: readonly number[],
  typeColors: readonly string[],
  time: number,
  random: () => number = Math.random,
): number {
  if (sim.count >= sim.capacity) return -1;
  const i = sim.count;
  const n = shares.length;
  const [ix, iy] = profilePosition(shares);
  sim.ideal[i * 2] = ix * sim.radius;
  sim.ideal[i * 2 + 1] = iy * sim.radius;
  // The entrance is on the polygon's lower edge, near the middle: the polygon is convex, so a straight walk from
  // there to a place inside never leaves it, and never crosses the labels around it.
  const entryX = (random() * 2 - 1) * sim.radius * 0.25;
  sim.from[i * 2] = entryX;
  sim.from[i * 2 + 1] = lowerBoundary(entryX, n, sim.radius);
  sim.start[i] = time;
  sim.phase[i] = random() * Math.PI * 2;
  mixInto(sim.color, i * 3, shares, typeColors);
  sim.count += 1;
  markDirty(sim, i, i + 1);
  const wanted = spacingFor(sim.count, sim.radius);
  if (wanted < sim.spacing * 0.8) relayout(sim, n, wanted, time);
  else settle(sim, n, i, time);
  return i;
}

function settle(sim: CrowdSim, n: number, i: number, time: number): void {
  const spot = placeNear(sim, n, sim.ideal[i * 2]!, sim.ideal[i * 2 + 1]!);
  if (!spot) {
    // The polygon is full at this spacing: everyone moves closer together.
    relayout(sim, n, sim.spacing * 0.85, time);
    return;
  }
  const [px, py, key] = spot;
  sim.cells.set(key, i);
  sim.to[i * 2] = px;
  sim.to[i * 2 + 1] = py;
}

/** Shrinks the spacing as the crowd grows; settled figures shuffle to their new spots from where they stand. */
export function relayout(sim: CrowdSim, n: number, spacing: number, time: number): void {
  sim.spacing = spacing;
  markDirty(sim, 0, sim.count);
  sim.cells.clear();
  for (let i = 0; i < sim.count; i++) {
    if (time - sim.start[i]! >= WALK_SECONDS) {
      sim.from[i * 2] = sim.to[i * 2]!;
      sim.from[i * 2 + 1] = sim.to[i * 2 + 1]!;
      sim.start[i] = time;
      sim.phase[i] = (sim.phase[i]! % (2 * Math.PI)) + SHUFFLE_PHASE;
    }
  }
  for (let i = 0; i < sim.count; i++) {
    settle(sim, n, i, time);
    if (sim.spacing < spacing) return; // a nested relayout already placed everyone
  }
}

const ease = (t: number): number => 1 - (1 - t) ** 3;

/**
 * Where figure `i` stands at `time` (the same formula the vertex shader uses, without the sway), written into `out`
 * so a per-frame loop over the crowd allocates nothing.
 */
export function positionAt(sim: CrowdSim, i: number, time: number, out: [number, number] = [0, 0]): [number, number] {
  const t = Math.min(1, Math.max(0, (time - sim.start[i]!) / WALK_SECONDS));
  const k = ease(t);
  out[0] = sim.from[i * 2]! + (sim.to[i * 2]! - sim.from[i * 2]!) * k;
  out[1] = sim.from[i * 2 + 1]! + (sim.to[i * 2 + 1]! - sim.from[i * 2 + 1]!) * k;
  return out;
}

/** Sets the spacing for a crowd about to be loaded at once, so the snapshot is laid out in one pass. */
export function prepareFor(sim: CrowdSim, count: number): void {
  sim.spacing = Math.min(sim.spacing, spacingFor(count, sim.radius));
}

/** Removes every figure (a new round, a reconnect with a fresh snapshot). */
export function clearCrowd(sim: CrowdSim): void {
  sim.count = 0;
  sim.cells.clear();
  sim.spacing = spacingFor(0, sim.radius);
  sim.dirty = CLEAN;
}
