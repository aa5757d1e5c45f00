import { describe, expect, it } from 'vitest';
import { polygonCorner } from '../../../core/scoring';
import { cornerPlace, fitStage, isWideScreen, toScreen } from './stageView';

const places = (n: number, wide: boolean): string[] =>
  Array.from({ length: n }, (_, i) => cornerPlace(...polygonCorner(i, n), wide));

describe('where corner labels stand', () => {
  it('puts the lower corners of a triangle outward on a wide screen and under the stage on a narrow one', () => {
    expect(places(3, true)).toEqual(['beside', 'left', 'right']);
    expect(places(3, false)).toEqual(['beside', 'below', 'below']);
  });

  it('keeps a bottom corner below and sends the level ones of a diamond outward, whatever rounding does', () => {
    expect(places(4, true)).toEqual(['beside', 'left', 'below', 'right']);
    expect(places(4, false)).toEqual(['beside', 'above', 'below', 'above']);
  });

  it('calls 3:2 and wider wide', () => {
    expect(isWideScreen(1920, 1080)).toBe(true);
    expect(isWideScreen(1280, 800)).toBe(true);
    expect(isWideScreen(1440, 960)).toBe(true);
    expect(isWideScreen(1180, 820)).toBe(false);
    expect(isWideScreen(1024, 768)).toBe(false);
    expect(isWideScreen(1080, 1920)).toBe(false);
  });
});

describe('fitting the stage', () => {
  const span = (n: number, width: number, height: number): [number, number] => {
    const view = fitStage(n, 10, width, height);
    const ys = Array.from({ length: n }, (_, i) => toScreen(view, width, height, 0, polygonCorner(i, n)[1] * 10)[1]);
    return [Math.min(...ys) / height, Math.max(...ys) / height];
  };

  it('gives a wide screen the height: three types from 36 % to 84 %', () => {
    const [top, bottom] = span(3, 1920, 1080);
    expect(top).toBeCloseTo(0.36, 5);
    expect(bottom).toBeCloseTo(0.84, 5);
  });

  it('leaves room under a bottom corner for its label (four types, wide)', () => {
    const [top, bottom] = span(4, 1280, 720);
    expect(top).toBeCloseTo(0.36, 5);
    expect(bottom).toBeCloseTo(0.77, 5);
  });

  it('keeps the narrow layout on 4:3: the top corner at 38 %, labels under the stage', () => {
    const [top, bottom] = span(3, 1024, 768);
    expect(top).toBeCloseTo(0.38, 2);
    expect(bottom).toBeLessThan(0.75);
  });

  it('never lets the stage run wider than 60 % of a wide screen', () => {
    const view = fitStage(3, 10, 1500, 1000);
    expect(Math.sqrt(3) * 10 * view.zoom).toBeLessThanOrEqual(1500 * 0.6 + 1e-9);
  });
});
