import { useEffect, useRef, type CSSProperties } from 'react';
import { localize, type IdealType, type Language } from '../../../core/instrument';
import { polygonCorner } from '../../../core/scoring';
import { Character } from './Character';
import type { CrowdTotals } from './crowdPlan';
import { characterSpot, StageCanvas, stageViewBox } from './stageCanvas';

interface Props {
  types: readonly IdealType[];
  lang: Language;
  totals: CrowdTotals | null;
  suppressBelow: number;
  /** The visitor's own figure: their spot in type space, its colour and the word above it ("Jij"). */
  you?: { spot: [number, number]; color: string; label: string };
  className?: string;
}

/** Whether the visitor asked for less motion: then the stage draws still pictures only. */
export const prefersCalm = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * The type polygon with a character at every corner and today's crowd inside it, drawn from the totals alone. The
 * words for screen readers are next to it (the line of the day, the reveal's text), so the picture itself is hidden
 * from them.
 */
export function CrowdStage({ types, lang, totals, suppressBelow, you, className = '' }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const stage = useRef<StageCanvas | null>(null);
  const n = types.length;
  const box = stageViewBox(n);
  const colors = types.map((t) => t.color).join();
  const marks = types.map((t) => t.mark).join();

  useEffect(() => {
    const element = canvas.current!;
    const drawn = new StageCanvas(element, { colors: colors.split(','), marks: marks.split(',') }, prefersCalm());
    stage.current = drawn;
    const observer = new ResizeObserver(() => drawn.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      drawn.dispose();
      stage.current = null;
    };
  }, [colors, marks]);

  useEffect(() => stage.current?.setTotals(totals, suppressBelow), [totals, suppressBelow, colors, marks]);
  const spot = you ? you.spot.join() : null;
  useEffect(() => {
    stage.current?.setYou(you ? you.spot : null, you?.color ?? '', you?.label ?? '');
    // Only a new spot restarts the walk.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [spot, colors, marks]);

  const corners = types.map((_, i) => polygonCorner(i, n)).map(([x, y]) => [x * 100, -y * 100] as const);
  return (
    <div
      className={`stage ${className}`}
      style={{ '--ar': box.w / box.h } as CSSProperties}
      aria-hidden="true"
      data-testid="crowd-stage"
    >
      <canvas ref={canvas} className="stage-canvas" />
      <svg className="stage-art" viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`}>
        <polygon
          points={corners.map((c) => c.join(',')).join(' ')}
          fill="rgba(255,255,255,0.05)"
          stroke="rgba(255,255,255,0.45)"
          strokeWidth="1.5"
        />
        {types.map((type, i) => {
          const [x, y] = characterSpot(i, n);
          // Names stay inside the picture: beside a top or bottom character, below one on the left or right.
          const side = x < -20 ? 'start' : x > 20 ? 'end' : 'beside';
          const nameX = side === 'start' ? x - 30 : side === 'end' ? x + 30 : x + 26;
          const nameY = side === 'beside' ? y - 26 : y + 18;
          return (
            <g key={type.id}>
              <g transform={`translate(${x} ${y})`}>
                <Character color={type.color} mark={type.mark} look={i} wave={i % 2 === 0} />
              </g>
              <text x={nameX} y={nameY} textAnchor={side === 'beside' ? 'start' : side} className="stage-name">
                {localize(type.name, lang)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
