import { useEffect, useState } from 'react';
import { figureHeightFor, WALK_SECONDS } from './crowdSim';
import { fitStage, toScreen } from './scene/stageView';
import { sceneSeconds } from './sceneClock';
import { crowd, crowdShows, useProjector } from './store';

/** How long the newest figure keeps its ring: its walk and three seconds after. */
export const RING_SECONDS = WALK_SECONDS + 3;

/**
 * A ring around the place the newest visitor walks to, so the room sees who just joined. It carries nothing but the
 * place: no kiosk, no time, no text; it shows only while the crowd may show, and for a few seconds.
 */
export function NewestRing({ width, height, radius }: { width: number; height: number; radius: number }) {
  const newest = useProjector((s) => s.newest);
  const visible = useProjector(crowdShows);
  const n = useProjector((s) => s.instrument?.types.length ?? 0);
  const [over, setOver] = useState<number | null>(null);
  useEffect(() => {
    if (!newest) return;
    const left = RING_SECONDS - (sceneSeconds() - newest.at);
    const timer = setTimeout(() => setOver(newest.at), Math.max(0, left * 1000));
    return () => clearTimeout(timer);
  }, [newest]);
  if (!newest || !visible || n === 0 || over === newest.at || newest.index >= crowd.sim.count) return null;
  const view = fitStage(n, radius, width, height);
  const tall = figureHeightFor(crowd.sim.count, crowd.sim.radius);
  const x = crowd.sim.to[newest.index * 2]!;
  const y = crowd.sim.to[newest.index * 2 + 1]! + tall / 2;
  const [left, top] = toScreen(view, width, height, x, y);
  const size = Math.max(40, tall * view.zoom * 1.8);
  return (
    <div
      className="newest-ring"
      data-testid="newest"
      aria-hidden="true"
      style={{ left, top, width: size, height: size }}
    />
  );
}
