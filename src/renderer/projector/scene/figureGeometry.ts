import { BufferGeometry, ConeGeometry, SphereGeometry } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

/** A stylised person, one unit tall: a cone body and a round head, merged into one geometry for one draw call. */
export function createFigureGeometry(): BufferGeometry {
  const body = new ConeGeometry(0.32, 0.62, 12).translate(0, 0.31, 0);
  const head = new SphereGeometry(0.19, 12, 8).translate(0, 0.8, 0);
  const merged = mergeGeometries([body.toNonIndexed(), head.toNonIndexed()]);
  body.dispose();
  head.dispose();
  return merged;
}
