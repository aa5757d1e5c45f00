import { useEffect, useRef } from 'react';
import type { IdealType } from '../../../core/instrument';
import { polygonCorner } from '../../../core/scoring';
import { positionAt } from '../crowdSim';
import { fitStage, toScreen } from '../scene/stageView';
import { sceneSeconds } from '../sceneClock';
import { crowd } from '../store';

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
    let frame = 0;
    const draw = (): void => {
      const now = sceneSeconds();
      ctx.fillStyle = '#0b1020';
      ctx.fillRect(0, 0, width, height);
      ctx.strokeStyle = '#8090c0';
      ctx.beginPath();
      types.forEach((_, i) => {
        const [x, y] = polygonCorner(i, n);
        const [px, py] = toScreen(view, width, height, x * radius, y * radius);
        if (i === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      });
      ctx.closePath();
      ctx.stroke();
      if (visible) {
        const { sim } = crowd;
        const size = Math.max(2, sim.spacing * view.zoom * 0.4);
        for (let i = 0; i < sim.count; i++) {
          const [x, y] = positionAt(sim, i, now);
          const [px, py] = toScreen(view, width, height, x, y);
          ctx.fillStyle = `rgb(${sim.color[i * 3]! * 255},${sim.color[i * 3 + 1]! * 255},${sim.color[i * 3 + 2]! * 255})`;
          ctx.beginPath();
          ctx.arc(px, py, size, 0, Math.PI * 2);
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
