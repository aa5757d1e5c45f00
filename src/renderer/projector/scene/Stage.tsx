import { useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo } from 'react';
import { BufferGeometry, Float32BufferAttribute, OrthographicCamera } from 'three';
import type { IdealType } from '../../../core/instrument';
import { polygonCorner } from '../../../core/scoring';
import { fitStage } from './stageView';

/** The floor of the scene: the type polygon and a disc at every corner in its type's colour. */
export function Stage({ types, radius }: { types: readonly IdealType[]; radius: number }) {
  const n = types.length;
  const outline = useMemo(() => {
    const points: number[] = [];
    for (let i = 0; i < n; i++) {
      const [x, y] = polygonCorner(i, n);
      points.push(x * radius, y * radius, -radius);
    }
    return new BufferGeometry().setAttribute('position', new Float32BufferAttribute(points, 3));
  }, [n, radius]);

  return (
    <group>
      <lineLoop geometry={outline}>
        <lineBasicMaterial color="#8090c0" />
      </lineLoop>
      {types.map((type, i) => {
        const [x, y] = polygonCorner(i, n);
        return (
          // Just outside the corner, so the figures of a pure type stand beside it, not on it.
          <mesh key={type.id} position={[x * radius * 1.09, y * radius * 1.09, -radius - 1]}>
            <circleGeometry args={[radius * 0.06, 40]} />
            <meshBasicMaterial color={type.color} />
          </mesh>
        );
      })}
    </group>
  );
}

/** Keeps the orthographic camera fitted to the polygon as the window resizes. */
export function FitCamera({ n, radius }: { n: number; radius: number }) {
  const camera = useThree((s) => s.camera);
  const size = useThree((s) => s.size);
  useLayoutEffect(() => {
    if (!(camera instanceof OrthographicCamera)) return;
    const view = fitStage(n, radius, size.width, size.height);
    camera.position.set(view.centerX, view.centerY, 100);
    camera.zoom = view.zoom;
    camera.near = 0.1;
    camera.far = 1000;
    camera.updateProjectionMatrix();
  }, [camera, size, n, radius]);
  return null;
}
