import { useEffect, useRef, useState } from 'react';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { useKiosk } from './store';

/** Timeouts in seconds. */
export interface IdleSettings {
  idle: number;
  countdown: number;
  result: number;
  /** How long the reveal lasts before the result (a tap ends it sooner). */
  reveal: number;
}

/** The reveal's length: the walk (2 s) and a moment to see the figure standing, under 3 s in all. */
export const REVEAL_SECONDS = 2.8;

/**
 * The organiser's timeouts, overridden per device by ?idle=45&countdown=15&result=30&reveal=2.8 in the kiosk URL (a
 * longer reveal is for photographing it).
 */
export function idleSettingsFrom(search: string, settings: Settings | null): IdleSettings {
  const params = new URLSearchParams(search);
  const read = (key: string, fallback: number): number => {
    const value = Number(params.get(key));
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  const base = settings ?? DEFAULT_SETTINGS;
  return {
    idle: read('idle', base.idleSeconds),
    countdown: read('countdown', base.countdownSeconds),
    result: read('result', base.resultSeconds),
    reveal: read('reveal', REVEAL_SECONDS),
  };
}

/**
 * After `idle` seconds without a touch a visible countdown starts; when it ends, the session is discarded and the
 * attract screen returns. The result screen returns on its own after `result` seconds.
 *
 * Timers, not a clock: a touch re-arms one timeout and renders nothing, the attract screen runs no timer at all, and
 * the page renders once when the countdown starts (only the countdown itself ticks, see IdleCountdown). Returns when
 * the countdown ends (epoch ms) while it runs, else null.
 */
export function useIdleReset(settings: IdleSettings): { countdownUntil: number | null; stay: () => void } {
  const screen = useKiosk((s) => s.screen);
  // The end of the reveal counts as activity too: the result screen's own timer starts when it can be read.
  const revealing = useKiosk((s) => s.revealing);
  const [countdownUntil, setCountdownUntil] = useState<number | null>(null);
  const stay = useRef<() => void>(() => undefined);
  const { idle, countdown, result } = settings;

  // A new screen counts as activity: the effect runs again and re-arms the timer.
  useEffect(() => {
    if (screen === 'attract') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let counting = false;
    const discard = (): void => useKiosk.getState().reset();
    const startCountdown = (): void => {
      counting = true;
      setCountdownUntil(Date.now() + countdown * 1000);
      timer = setTimeout(discard, countdown * 1000);
    };
    const arm = (): void => {
      clearTimeout(timer);
      if (counting) {
        counting = false;
        setCountdownUntil(null);
      }
      timer = screen === 'result' ? setTimeout(discard, result * 1000) : setTimeout(startCountdown, idle * 1000);
    };
    // A touch on the "still there?" overlay is handled by the overlay itself on click: if it vanished on
    // pointerdown, the click would land on the option underneath.
    const touch = (event: Event): void => {
      if (event.target instanceof Element && event.target.closest('[data-idle-overlay]')) return;
      arm();
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    events.forEach((e) => window.addEventListener(e, touch, { capture: true, passive: true }));
    stay.current = arm;
    arm();
    return () => {
      events.forEach((e) => window.removeEventListener(e, touch, { capture: true }));
      clearTimeout(timer);
      stay.current = () => undefined;
      if (counting) setCountdownUntil(null);
    };
  }, [screen, revealing, idle, countdown, result]);

  return { countdownUntil, stay: () => stay.current() };
}
