import { useEffect, useRef } from 'react';
import type { IdealType } from '../../../core/instrument';
import { polygonCorner } from '../../../core/scoring';
import { figureHeightFor, positionAt, type CrowdSim } from '../crowdSim';
import { sceneSeconds } from '../sceneClock';
import { fitStage, toScreen } from '../scene/stageView';
import { crowd } from '../store';

/** Scratch for one figure's position: the frame loop writes into it instead of allocating per figure. */
const at: [number, number] = [0, 0];

/** CSS colours per figure, rebuilt when the figures change (an arrival), never per frame. */
const styles = { version: -1, fill: [] as string[] };

function fillStyles(sim: CrowdSim): string[] {
  if (styles.version === crowd.version) return styles.fill;
  styles.version = crowd.version;
  styles.fill.length = sim.count;
  for (let i = 0; i < sim.count; i++) {
    const c = sim.color;
    styles.fill[i] = `rgb(${c[i * 3]! * 255},${c[i * 3 + 1]! * 255},${c[i * 3 + 2]! * 255})`;
  }
  return styles.fill;
}

/** The crowd drawn in 2-D, for screens without WebGL: the same polygon, the same figures as dots. */
export function Crowd2D({
  types,
  radius,
  width,
  height,
  visible,
}: {
  types: readonly IdealType[];
  radius: number;
  width: number;
  height: number;
  visible: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const n = types.length;
    const view = fitStage(n, radius, width, height);
    const corners = types.map((_, i) => {
      const [x, y] = polygonCorner(i, n);
      return toScreen(view, width, height, x * radius, y * radius);
    });
    let frame = 0;
    const draw = (): void => {
      ctx.fillStyle = '#0b1020';
      ctx.fillRect(0, 0, width, height);
      ctx.strokeStyle = '#8090c0';
      ctx.beginPath();
      corners.forEach(([px, py], i) => (i === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py)));
      ctx.closePath();
      ctx.stroke();
      if (visible) {
        const { sim } = crowd;
        const now = sceneSeconds();
        const fill = fillStyles(sim);
        // The same height as the 3-D figures: a body and a head, standing on their place.
        const tall = Math.max(4, figureHeightFor(sim.count, sim.radius) * view.zoom);
        for (let i = 0; i < sim.count; i++) {
          positionAt(sim, i, now, at);
          const x = width / 2 + (at[0] - view.centerX) * view.zoom;
          const y = height / 2 - (at[1] - view.centerY) * view.zoom;
          ctx.fillStyle = fill[i]!;
          ctx.beginPath();
          ctx.moveTo(x - tall * 0.32, y);
          ctx.lineTo(x + tall * 0.32, y);
          ctx.lineTo(x, y - tall * 0.62);
          ctx.closePath();
          ctx.moveTo(x + tall * 0.19, y - tall * 0.8);
          ctx.arc(x, y - tall * 0.8, tall * 0.19, 0, Math.PI * 2);
          ctx.fill();
        }
      }
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [types, radius, width, height, visible]);
  return <canvas ref={canvas} width={width} height={height} className="scene" data-testid="scene-2d" />;
}
