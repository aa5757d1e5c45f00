import { Canvas } from '@react-three/fiber';
import { useEffect, useState } from 'react';
import { CornerLabels, Frame } from './Overlay';
import { Crowd } from './scene/Crowd';
import { FitCamera, Stage } from './scene/Stage';
import { crowdShows, useProjector } from './store';
import { BarsView } from './views/BarsView';
import { CasusView } from './views/CasusView';
import { ContextView } from './views/ContextView';
import { SplitView } from './views/SplitView';
import { NewestRing } from './NewestRing';
import { Crowd2D } from './views/Crowd2D';
import { HelpOverlay } from './views/HelpOverlay';
import { Invitation } from './views/Invitation';
import { LiveView } from './views/LiveView';
import { ReplayCounter } from './views/ReplayCounter';
import { useWorkshopScreen } from './workshop/store';
import { WorkshopView } from './workshop/WorkshopView';

const RADIUS = 10;

function useWindowSize(): { width: number; height: number } {
  const [size, setSize] = useState({ width: window.innerWidth, height: window.innerHeight });
  useEffect(() => {
    const onResize = (): void => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

export function App({ webgl }: { webgl: boolean }) {
  const instrument = useProjector((s) => s.instrument);
  const blank = useProjector((s) => s.blank);
  const help = useProjector((s) => s.help);
  const view = useProjector((s) => s.view);
  // A boolean, not the totals: an arrival re-renders the counter and the labels, not the whole page.
  const crowdVisible = useProjector(crowdShows);
  const { width, height } = useWindowSize();
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  // A workshop on the shared screen takes the place of the talk's views, and the scene is not drawn meanwhile.
  const workshop = useWorkshopScreen((s) => s.screen !== null);

  if (blank) return <div className="projector blank" data-testid="blank" />;
  if (workshop)
    return (
      <div className="projector" data-view="workshop">
        <WorkshopView />
        {help && <HelpOverlay />}
      </div>
    );
  const showsCrowd = view === 'crowd' || view === 'replay';
  return (
    <div className="projector" data-webgl={webgl} data-view={view}>
      {instrument && showsCrowd && webgl && (
        <Canvas
          orthographic
          dpr={[1, 1.5]}
          gl={{ antialias: true, powerPreference: 'high-performance' }}
          className="scene"
          data-testid="scene"
        >
          <color attach="background" args={['#0b1020']} />
          <FitCamera n={instrument.types.length} radius={RADIUS} />
          <Stage types={instrument.types} radius={RADIUS} />
          <Crowd visible={crowdVisible} motion={!reducedMotion} />
        </Canvas>
      )}
      {instrument && showsCrowd && !webgl && (
        <Crowd2D types={instrument.types} radius={RADIUS} width={width} height={height} visible={crowdVisible} />
      )}
      {showsCrowd && <CornerLabels width={width} height={height} radius={RADIUS} />}
      {showsCrowd && <NewestRing width={width} height={height} radius={RADIUS} />}
      {view === 'replay' && <ReplayCounter />}
      <Frame>
        {view === 'bars' && <BarsView />}
        {view === 'casus' && <CasusView />}
        {view === 'context' && <ContextView />}
        {view === 'split' && <SplitView />}
      </Frame>
      <LiveView />
      <Invitation />
      {help && <HelpOverlay />}
    </div>
  );
}
// Named for React's developer tools and the render-count tests; minifying renames functions.
App.displayName = 'App';
