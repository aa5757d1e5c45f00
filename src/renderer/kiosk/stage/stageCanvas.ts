import { polygonCorner } from '../../../core/scoring';
import { planCrowd, seeded, spotFor, type Category, type CrowdTotals } from './crowdPlan';

/** The stage's coordinates (SVG user units): type space scaled by 100, y down. */
export interface ViewBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where a corner's character stands (its feet), just outside the polygon's corner. */
export function characterSpot(i: number, n: number): [number, number] {
  const [x, y] = polygonCorner(i, n);
  return [x * 130, -y * 130 + 30];
}

/** Room for the characters at the corners (about 66 units tall) and their names below them, for any number of types. */
export function stageViewBox(n: number): ViewBox {
  const feet = Array.from({ length: n }, (_, i) => characterSpot(i, n)[1]);
  const top = Math.min(...feet) - 68;
  const bottom = Math.max(...feet) + 24;
  return { x: -170, y: top, w: 340, h: bottom - top };
}

interface Figure {
  category: Category;
  color: string;
  mark: string;
  from: [number, number];
  to: [number, number];
  start: number;
  duration: number;
  phase: number;
}

export interface StageLook {
  colors: readonly string[];
  marks: readonly string[];
}

const NEUTRAL = '#9aa3bf';
const BALANCED = '#d5d9e6';
const WALK_MS = 2000;
/** About 30 frames a second is smooth enough for a gentle crowd and halves the work. */
const FRAME_GAP_MS = 30;

/**
 * Today's crowd on a 2-D canvas: one small figure per share of the totals, walking in from the bottom when the totals
 * grow, then standing with a slow sway. Optionally "you": a larger, ringed figure that walks to the visitor's spot.
 * It draws about 30 frames a second, stops while the page is hidden, and with reduced motion draws still pictures
 * only when something changes. The mean cost of a frame (ms of main thread) is kept in `data-frame-ms`, the number
 * and kinds of figures in `data-figures` and `data-kinds`.
 */
export class StageCanvas {
  private figures: Figure[] = [];
  private you: (Figure & { label: string }) | null = null;
  private frame = 0;
  private lastDraw = 0;
  private cost = 0;
  private frames = 0;
  private readonly n: number;
  private readonly box: ViewBox;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly look: StageLook,
    private readonly calm: boolean,
  ) {
    this.n = look.colors.length;
    this.box = stageViewBox(this.n);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  /** Brings the figures in line with the totals: new ones walk in, surplus ones leave. */
  setTotals(totals: CrowdTotals | null, suppressBelow: number, now = performance.now()): void {
    const plan = planCrowd(totals, suppressBelow);
    const first = this.figures.length === 0;
    for (const [category] of this.countBy()) {
      if (!plan.has(category)) this.figures = this.figures.filter((f) => f.category !== category);
    }
    for (const [category, wanted] of plan) {
      const have = this.figures.filter((f) => f.category === category);
      if (have.length > wanted) {
        const drop = new Set(have.slice(wanted));
        this.figures = this.figures.filter((f) => !drop.has(f));
      }
      for (let k = have.length; k < wanted; k++) this.figures.push(this.figure(category, k, first ? 0 : now));
    }
    // What stands on the stage, for anyone checking it: how many figures and of which kinds (never who).
    this.canvas.dataset.figures = String(this.figures.length);
    this.canvas.dataset.kinds = [...plan.keys()].join(' ');
    this.kick();
  }

  /** The visitor's own figure, walking from the bottom edge to their spot in type space. */
  setYou(spot: [number, number] | null, color: string, label: string, now = performance.now()): void {
    this.you = spot && {
      category: 'neutral',
      color,
      mark: '',
      label,
      from: [0, this.box.y + this.box.h],
      to: [spot[0] * 100, -spot[1] * 100],
      start: this.calm ? 0 : now,
      duration: WALK_MS,
      phase: 0,
    };
    this.kick();
  }

  /** Matches the canvas to its box on screen (at most two device pixels per CSS pixel, to bound the cost). */
  resize(): void {
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    const rect = this.canvas.getBoundingClientRect();
    this.canvas.width = Math.max(1, Math.round(rect.width * ratio));
    this.canvas.height = Math.max(1, Math.round(rect.height * ratio));
    this.kick();
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  private readonly onVisibility = (): void => {
    if (document.hidden) {
      cancelAnimationFrame(this.frame);
      this.frame = 0;
    } else this.kick();
  };

  private kick(): void {
    if (this.calm) {
      this.draw(Number.POSITIVE_INFINITY);
      return;
    }
    if (this.frame === 0 && !document.hidden) this.frame = requestAnimationFrame(this.tick);
  }

  private readonly tick = (now: number): void => {
    this.frame = requestAnimationFrame(this.tick);
    if (now - this.lastDraw < FRAME_GAP_MS) return;
    this.lastDraw = now;
    const t0 = performance.now();
    this.draw(now);
    this.cost += performance.now() - t0;
    if (++this.frames === 30) {
      this.canvas.dataset.frameMs = (this.cost / this.frames).toFixed(3);
      this.cost = 0;
      this.frames = 0;
    }
  };

  private countBy(): Map<Category, number> {
    const counts = new Map<Category, number>();
    for (const f of this.figures) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
    return counts;
  }

  private figure(category: Category, k: number, start: number): Figure {
    const key = typeof category === 'number' ? category + 1 : category === 'balanced' ? 97 : 193;
    const random = seeded(key * 7919 + k * 104729);
    const [x, y] = spotFor(category, this.n, random);
    const to: [number, number] = [x * 100, -y * 100];
    const color =
      typeof category === 'number' ? this.look.colors[category]! : category === 'balanced' ? BALANCED : NEUTRAL;
    const mark = typeof category === 'number' ? this.look.marks[category]! : '';
    const fromX = to[0] + (random() - 0.5) * 60;
    return {
      category,
      color,
      mark,
      from: [fromX, this.box.y + this.box.h + 10],
      to,
      start: this.calm ? 0 : start,
      duration: WALK_MS * (0.8 + random() * 0.4),
      phase: random() * Math.PI * 2,
    };
  }

  private draw(now: number): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const scale = this.canvas.width / this.box.w;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(scale, 0, 0, scale, -this.box.x * scale, -this.box.y * scale);
    const size = 12;
    const marks = size * scale >= 22;
    for (const f of this.figures) drawPerson(ctx, f, now, size, marks);
    if (this.you) {
      const [x, y] = drawPerson(ctx, this.you, now, 22, true);
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = '#ffd166';
      ctx.beginPath();
      ctx.arc(x, y - 11, 17 + (this.calm ? 0 : Math.sin(now / 160) * 1.5), 0, Math.PI * 2);
      ctx.stroke();
      ctx.fillStyle = '#ffd166';
      ctx.font = '700 13px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.fillText(this.you.label, x, y - 33);
    }
  }
}

/** One friendly person: a round head and a body in the figure's colour; returns where its feet are. */
function drawPerson(
  ctx: CanvasRenderingContext2D,
  f: Figure,
  now: number,
  size: number,
  withMark: boolean,
): [number, number] {
  const p = f.duration > 0 ? Math.min(1, Math.max(0, (now - f.start) / f.duration)) : 1;
  const ease = 1 - (1 - p) * (1 - p);
  const walking = p < 1;
  const x = f.from[0] + (f.to[0] - f.from[0]) * ease;
  const bob = walking ? Math.abs(Math.sin(now / 110 + f.phase)) * size * 0.12 : Math.sin(now / 900 + f.phase) * 0.4;
  const y = f.from[1] + (f.to[1] - f.from[1]) * ease - bob;
  const w = size * 0.62;
  ctx.fillStyle = f.color;
  ctx.strokeStyle = '#0b1020';
  ctx.lineWidth = size * 0.08;
  ctx.beginPath();
  ctx.roundRect(x - w / 2, y - size * 0.62, w, size * 0.62, [w * 0.45, w * 0.45, w * 0.15, w * 0.15]);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = '#f7dcc0';
  ctx.beginPath();
  ctx.arc(x, y - size * 0.82, size * 0.22, 0, Math.PI * 2);
  ctx.fill();
  ctx.stroke();
  if (withMark && f.mark) {
    ctx.fillStyle = '#ffffff';
    ctx.font = `800 ${size * 0.38}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(f.mark, x, y - size * 0.3);
    ctx.textBaseline = 'alphabetic';
  }
  return [x, y];
}
