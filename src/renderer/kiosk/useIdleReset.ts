import { useEffect, useState } from 'react';
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
 */
export function useIdleReset(settings: IdleSettings): { secondsLeft: number | null; stay: () => void } {
  const screen = useKiosk((s) => s.screen);
  const [lastActivity, setLastActivity] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    // A touch on the "still there?" overlay is handled by the overlay itself on click: if it vanished on
    // pointerdown, the click would land on the option underneath.
    const touch = (event: Event): void => {
      if (event.target instanceof Element && event.target.closest('[data-idle-overlay]')) return;
      setLastActivity(Date.now());
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    events.forEach((e) => window.addEventListener(e, touch, { capture: true, passive: true }));
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => {
      events.forEach((e) => window.removeEventListener(e, touch, { capture: true }));
      clearInterval(tick);
    };
  }, []);

  // A new screen counts as activity (the result screen's own timer starts when it appears, and again after the reveal).
  useEffect(
    () =>
      useKiosk.subscribe((state, previous) => {
        if (state.screen !== previous.screen || state.revealing !== previous.revealing) setLastActivity(Date.now());
      }),
    [],
  );

  const active = screen !== 'attract';
  const idleFor = (now - lastActivity) / 1000;
  const limit = screen === 'result' ? settings.result : settings.idle;
  const resetAt = screen === 'result' ? settings.result : settings.idle + settings.countdown;

  useEffect(() => {
    if (active && idleFor >= resetAt) useKiosk.getState().reset();
  }, [active, idleFor, resetAt]);

  const secondsLeft =
    active && screen !== 'result' && idleFor >= limit ? Math.max(0, Math.ceil(resetAt - idleFor)) : null;
  return { secondsLeft, stay: () => setLastActivity(Date.now()) };
}
