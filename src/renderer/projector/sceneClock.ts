/**
 * The one time base of the crowd, in seconds since the page loaded. Every figure's arrival time is stamped on it and
 * every picture of the crowd (the WebGL scene, the 2-D fallback, a remounted canvas after a view change or a blank)
 * reads it, so a figure that arrived in the morning still stands in its place in the afternoon.
 *
 * Float32 (the GPU's precision) resolves it to about 4 ms after eight hours: plenty for a 2.4-second walk.
 */
export function sceneSeconds(): number {
  return performance.now() / 1000;
}
