import { useEffect, useRef } from 'react';

/** How long a figure takes from the room's edge to its option, and the spread of their starts in one step. */
const WALK_MS = 1400;
const STAGGER_MS = 700;

interface Figure {
  option: number;
  slot: number;
  /** Where it enters on the lower edge, as a share of the width. */
  from: number;
  start: number;
}

/** Where figure `slot` of an option stands: rows filled from the bottom of its column, `perRow` abreast. */
function place(
  option: number,
  slot: number,
  options: number,
  width: number,
  height: number,
  perRow: number,
  size: number,
) {
  const column = width / options;
  const row = Math.floor(slot / perRow);
  const inRow = slot % perRow;
  const left = column * option + (column - perRow * size) / 2;
  return { x: left + (inRow + 0.5) * size, y: height - (row + 0.5) * size - 4 };
}

/** One figure: a head and a body, in its option's colour. */
function drawFigure(g: CanvasRenderingContext2D, x: number, y: number, size: number, color: string): void {
  g.fillStyle = color;
  g.beginPath();
  g.arc(x, y - size * 0.22, size * 0.16, 0, Math.PI * 2);
  g.fill();
  g.beginPath();
  g.roundRect(x - size * 0.17, y - size * 0.04, size * 0.34, size * 0.42, size * 0.12);
  g.fill();
}

/** Figures per row and their size, so the fullest column fits the canvas. */
function layout(counts: readonly number[], width: number, height: number): { perRow: number; size: number } {
  const most = Math.max(1, ...counts);
  const column = width / Math.max(1, counts.length);
  for (let size = 36; size > 4; size -= 2) {
    const perRow = Math.max(1, Math.floor((column * 0.8) / size));
    if (Math.ceil(most / perRow) * size <= height - 8) return { perRow, size };
  }
  return { perRow: Math.max(1, Math.floor((column * 0.8) / 4)), size: 4 };
}

/**
 * The room splitting: per option as many figures as the shown split counts, each new one walking in from the room's
 * lower edge to its option's column. It draws only while figures walk; a settled picture costs nothing per frame.
 * `data-figures` holds the figures per option, for tests and screen readers' sake the label says what it shows.
 */
export function LiveFigures({ counts, colors, label }: { counts: number[]; colors: string[]; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const figures = useRef<Figure[]>([]);
  const key = counts.join(',');
  const paint = colors.join(',');

  useEffect(() => {
    const list = figures.current;
    const now = performance.now();
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    counts.forEach((count, option) => {
      const have = list.filter((f) => f.option === option).length;
      for (let slot = have; slot < count; slot++)
        list.push({ option, slot, from: Math.random(), start: reduced ? -WALK_MS : now + Math.random() * STAGGER_MS });
    });
    figures.current = list.filter((f) => f.slot < (counts[f.option] ?? 0));
    const element = canvas.current;
    const g = element?.getContext('2d');
    if (!element || !g) return;
    const ratio = Math.min(2, window.devicePixelRatio || 1);
    const width = element.clientWidth;
    const height = element.clientHeight;
    element.width = Math.round(width * ratio);
    element.height = Math.round(height * ratio);
    const { perRow, size } = layout(counts, width, height);
    let frame = 0;
    const draw = (): void => {
      const at = performance.now();
      g.setTransform(ratio, 0, 0, ratio, 0, 0);
      g.clearRect(0, 0, width, height);
      let walking = false;
      for (const f of figures.current) {
        const target = place(f.option, f.slot, counts.length, width, height, perRow, size);
        const p = Math.min(1, Math.max(0, (at - f.start) / WALK_MS));
        if (p < 1) walking = true;
        if (at < f.start) continue;
        const eased = 1 - (1 - p) ** 3;
        const x = f.from * width + (target.x - f.from * width) * eased;
        const y = height + size + (target.y - height - size) * eased;
        drawFigure(g, x, y, size, colors[f.option] ?? '#fff');
      }
      if (walking) frame = requestAnimationFrame(draw);
    };
    draw();
    return () => cancelAnimationFrame(frame);
    // counts and colors are read through their keys: a new array with the same numbers changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, paint]);

  return (
    <canvas
      ref={canvas}
      className="live-figures"
      data-testid="live-figures"
      data-figures={key}
      role="img"
      aria-label={label}
    />
  );
}
