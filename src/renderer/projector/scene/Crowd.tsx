import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { InstancedBufferAttribute, InstancedMesh } from 'three';
import { crowd, CROWD_CAPACITY } from '../store';
import { figureHeightFor, takeDirty } from '../crowdSim';
import { sceneSeconds } from '../sceneClock';
import { createCrowdMaterial } from './crowdShader';
import { createFigureGeometry } from './figureGeometry';

/** The whole crowd: one instanced mesh, one draw call, whatever its size. */
export function Crowd({ visible, motion }: { visible: boolean; motion: boolean }) {
  const mesh = useRef<InstancedMesh>(null);
  const seen = useRef(-1);
  const { geometry, material, attributes } = useMemo(() => {
    const geometry = createFigureGeometry();
    const { sim } = crowd;
    const attributes = [
      new InstancedBufferAttribute(sim.from, 2),
      new InstancedBufferAttribute(sim.to, 2),
      new InstancedBufferAttribute(sim.start, 1),
      new InstancedBufferAttribute(sim.phase, 1),
      new InstancedBufferAttribute(sim.color, 3),
    ] as const;
    ['aFrom', 'aTo', 'aStart', 'aPhase', 'aColor'].forEach((name, i) => geometry.setAttribute(name, attributes[i]!));
    return { geometry, material: createCrowdMaterial(), attributes };
  }, []);

  useEffect(
    () => () => {
      geometry.dispose();
      material.dispose();
    },
    [geometry, material],
  );

  useFrame(() => {
    material.uniforms.uTime!.value = sceneSeconds();
    material.uniforms.uMotion!.value = motion ? 1 : 0;
    const m = mesh.current;
    if (!m || seen.current === crowd.version) return;
    seen.current = crowd.version;
    m.count = crowd.sim.count;
    material.uniforms.uScale!.value = figureHeightFor(crowd.sim.count, crowd.sim.radius);
    // Only the figures that changed go to the GPU: one per arrival, all of them after a re-layout.
    const { from, to } = takeDirty(crowd.sim);
    if (to <= from) return;
    for (const attribute of attributes) {
      attribute.clearUpdateRanges();
      attribute.addUpdateRange(from * attribute.itemSize, (to - from) * attribute.itemSize);
      attribute.needsUpdate = true;
    }
  });

  return (
    <instancedMesh ref={mesh} args={[geometry, material, CROWD_CAPACITY]} frustumCulled={false} visible={visible} />
  );
}
// Named for React's developer tools and the render-count tests; minifying renames functions.
Crowd.displayName = 'Crowd';
