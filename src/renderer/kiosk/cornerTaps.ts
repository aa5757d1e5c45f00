/** The hidden operator exit: this many taps in the top-left corner within the window opens the PIN prompt. */
export const OPERATOR_TAPS = 5;
export const OPERATOR_WINDOW_MS = 3000;
export const OPERATOR_CORNER_PX = 96;

/** Counts taps in the corner; returns true on the tap that completes the gesture. */
export function createCornerTapCounter(
  taps = OPERATOR_TAPS,
  windowMs = OPERATOR_WINDOW_MS,
  corner = OPERATOR_CORNER_PX,
) {
  let times: number[] = [];
  return (x: number, y: number, at: number): boolean => {
    if (x > corner || y > corner) {
      times = [];
      return false;
    }
    times = [...times.filter((t) => at - t <= windowMs), at];
    if (times.length < taps) return false;
    times = [];
    return true;
  };
}
