import { Canvas } from '@react-three/fiber';
import { useEffect, useState } from 'react';
import { MIN_CROWD_FOR_DISTRIBUTION } from '../../core/aggregate';
import { Overlay } from './Overlay';
import { Crowd } from './scene/Crowd';
import { FitCamera, Stage } from './scene/Stage';
import { useProjector } from './store';

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
  const total = useProjector((s) => s.aggregate?.total ?? 0);
  const hidden = useProjector((s) => s.hidden);
  const blank = useProjector((s) => s.blank);
  const { width, height } = useWindowSize();
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  if (blank) return <div className="projector blank" data-testid="blank" />;
  return (
    <div className="projector" data-webgl={webgl}>
      {webgl && instrument && (
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
          <Crowd visible={!hidden && total >= MIN_CROWD_FOR_DISTRIBUTION} motion={!reducedMotion} />
        </Canvas>
      )}
      <Overlay width={width} height={height} radius={RADIUS} />
    </div>
  );
}
