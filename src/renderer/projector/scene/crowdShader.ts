import { ShaderMaterial } from 'three';
import { SHUFFLE_PHASE, WALK_SECONDS } from '../crowdSim';

/**
 * Animates every figure on the GPU from its instance attributes: the walk from `aFrom` to `aTo` starting at `aStart`,
 * a highlight while it arrives, and a small idle sway. JavaScript only updates `uTime` per frame.
 */
export function createCrowdMaterial(): ShaderMaterial {
  return new ShaderMaterial({
    uniforms: {
      uTime: { value: 0 },
      uScale: { value: 1 },
      uMotion: { value: 1 },
    },
    vertexShader: /* glsl */ `
      attribute vec2 aFrom;
      attribute vec2 aTo;
      attribute float aStart;
      attribute float aPhase;
      attribute vec3 aColor;
      uniform float uTime;
      uniform float uScale;
      uniform float uMotion;
      varying vec3 vColor;
      varying float vLight;
      varying float vGlow;
      void main() {
        float t = clamp((uTime - aStart) / ${WALK_SECONDS.toFixed(2)}, 0.0, 1.0);
        float k = 1.0 - pow(1.0 - t, 3.0);
        vec2 at = mix(aFrom, aTo, k);
        float walking = 1.0 - t;
        float age = uTime - aStart;
        // Only a real arrival glows, not a shuffle to make room (crowdSim marks those with SHUFFLE_PHASE).
        float arriving = step(aPhase, ${(SHUFFLE_PHASE / 2).toFixed(2)});
        vGlow = uMotion * arriving * clamp(1.0 - (age - ${WALK_SECONDS.toFixed(2)}) / 3.0, 0.0, 1.0);
        float grow = 1.0 + 0.4 * vGlow;
        float bob = uMotion * (abs(sin(uTime * 9.0 + aPhase)) * 0.18 * walking + sin(uTime * 1.3 + aPhase) * 0.035);
        vec3 p = position * uScale * grow;
        p.y += bob * uScale;
        p.x += sin(uTime * 0.7 + aPhase) * 0.02 * uScale * uMotion * p.y;
        vec3 world = vec3(at.x + p.x, at.y + p.y, -at.y * 0.01 + p.z * 0.001);
        vColor = aColor;
        vLight = 0.6 + 0.4 * max(dot(normalize(normal), normalize(vec3(-0.4, 0.7, 0.6))), 0.0);
        gl_Position = projectionMatrix * modelViewMatrix * vec4(world, 1.0);
      }
    `,
    fragmentShader: /* glsl */ `
      varying vec3 vColor;
      varying float vLight;
      varying float vGlow;
      void main() {
        vec3 c = vColor * vLight;
        c = mix(c, vec3(1.0, 0.95, 0.7), 0.45 * vGlow);
        gl_FragColor = vec4(c, 1.0);
      }
    `,
  });
}
