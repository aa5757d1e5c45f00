import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const SHOTS = join(__dirname, '../../test-results/screens');
mkdirSync(SHOTS, { recursive: true });

/** The screens venues and visitors bring: phone, tablets both ways, laptops, HD and 4K, portrait kiosk columns. */
export const SIZES = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 810, height: 1080 },
  { width: 1180, height: 820 },
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1920, height: 1200 },
  { width: 3840, height: 2160 },
] as const;
export type Size = (typeof SIZES)[number];

export const sizeName = (size: Size): string => `${size.width}x${size.height}`;

/** What a visitor would call broken: words or controls out of reach, on top of each other, too small to hit. */
export interface LayoutReport {
  cut: string[];
  overlaps: string[];
  small: string[];
  shortBars: string[];
}

/**
 * Measures the page as it is painted. Text is measured by its glyphs (a Range over each text node), so a name
 * that spills out of its column counts where it is seen; a control counts with its own box and its text. When a
 * modal dialog is open only the dialog counts: the rest is behind it on purpose.
 */
export function measureLayout(page: Page, minBar: number): Promise<LayoutReport> {
  return page.evaluate((minBarPx) => {
    type Box = { left: number; top: number; right: number; bottom: number };
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const CONTROL =
      'button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])';
    const label = (el: Element): string => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/)[0]}` : '';
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${cls} "${text}"`;
    };
    const union = (a: Box | null, b: Box): Box =>
      a
        ? {
            left: Math.min(a.left, b.left),
            top: Math.min(a.top, b.top),
            right: Math.max(a.right, b.right),
            bottom: Math.max(a.bottom, b.bottom),
          }
        : { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
    const seen = (el: Element): boolean =>
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
      !el.closest('.sr-only') &&
      el.getBoundingClientRect().width > 1;

    const dialogs = [...document.querySelectorAll('[aria-modal="true"], [role="dialog"], [role="alertdialog"]')].filter(
      seen,
    );
    const scope: Element = dialogs.at(-1) ?? document.body;

    // Owner of every piece of text: the control it sits in, or the element that holds it.
    const boxes = new Map<Element, Box>();
    for (const control of scope.querySelectorAll(CONTROL))
      if (seen(control)) boxes.set(control, control.getBoundingClientRect());
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || !seen(parent)) continue;
      if (parent.closest('style, script, title')) continue;
      const owner = parent.closest(CONTROL) ?? parent;
      let rect: Box;
      if (parent instanceof SVGElement) rect = parent.getBoundingClientRect();
      else {
        range.selectNodeContents(node);
        rect = range.getBoundingClientRect();
      }
      if (rect.right - rect.left < 1) continue;
      boxes.set(owner, union(boxes.get(owner) ?? null, rect));
    }

    /** Null when the box can be seen (or scrolled to), else what cuts it. */
    const cutBy = (el: Element, start: Box): string | null => {
      let box = start;
      let skipToPositioned = getComputedStyle(el).position === 'absolute';
      for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (skipToPositioned) {
          if (style.position === 'static') continue;
          skipToPositioned = false;
        }
        if (style.position === 'fixed') break;
        if (style.position === 'absolute') skipToPositioned = true;
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const r = a.getBoundingClientRect();
        const scrolls = (o: string): boolean => o === 'auto' || o === 'scroll';
        const x = box.left - r.left - a.clientLeft + a.scrollLeft;
        const y = box.top - r.top - a.clientTop + a.scrollTop;
        const w = box.right - box.left;
        const h = box.bottom - box.top;
        if (
          scrolls(style.overflowX)
            ? x < -1 || x + w > a.scrollWidth + 1
            : box.left < r.left - 1 || box.right > r.right + 1
        )
          return `cut left/right by ${label(a)}`;
        if (
          scrolls(style.overflowY)
            ? y < -1 || y + h > a.scrollHeight + 1
            : box.top < r.top - 1 || box.bottom > r.bottom + 1
        )
          return `cut top/bottom by ${label(a)}`;
        // Reachable in a scroll container: from here on, the container itself must be in view.
        if (scrolls(style.overflowX) || scrolls(style.overflowY)) box = r;
      }
      // The page itself never scrolls sideways; it scrolls down only where the root lets it.
      if (box.left < -1 || box.right > vw + 1) return 'cut left/right by the window';
      const root = getComputedStyle(document.documentElement).overflowY;
      const docTop = box.top + window.scrollY;
      const docBottom = box.bottom + window.scrollY;
      const height = root === 'hidden' ? vh : document.documentElement.scrollHeight;
      if (docTop < -1 || docBottom > height + 1) return 'cut top/bottom by the window';
      return null;
    };

    const entries = [...boxes.entries()];
    const cut: string[] = [];
    for (const [el, box] of entries) {
      const why = cutBy(el, box);
      if (why) cut.push(`${label(el)}: ${why}`);
    }
    const overlaps: string[] = [];
    for (let i = 0; i < entries.length; i++)
      for (let j = i + 1; j < entries.length; j++) {
        const [a, ab] = entries[i]!;
        const [b, bb] = entries[j]!;
        if (a.contains(b) || b.contains(a)) continue;
        const w = Math.min(ab.right, bb.right) - Math.max(ab.left, bb.left);
        const h = Math.min(ab.bottom, bb.bottom) - Math.max(ab.top, bb.top);
        if (w > 2 && h > 2) overlaps.push(`${label(a)} × ${label(b)}`);
      }
    const small = [...scope.querySelectorAll(CONTROL)]
      .filter(seen)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width < 44 || r.height < 44;
      })
      .map((el) => {
        const r = el.getBoundingClientRect();
        return `${label(el)} ${Math.round(r.width)}×${Math.round(r.height)}`;
      });
    const shortBars = [...scope.querySelectorAll('.bar-track, .pbar-track')]
      .filter(seen)
      .filter((el) => el.getBoundingClientRect().width < minBarPx)
      .map(
        (el) =>
          `${label(el.closest('[data-type], .pbar, .gap-row') ?? el)} ${Math.round(el.getBoundingClientRect().width)} px`,
      );
    return { cut, overlaps, small, shortBars };
  }, minBar);
}

/** The shortest bar that still shows a difference of a few percent at a glance. */
export const minBarWidth = (size: Size): number => Math.max(120, Math.max(size.width, size.height) * 0.12);

/**
 * Resizes the page, lets it settle, keeps a screenshot and checks the layout and axe. Soft assertions, so one run
 * shows every size and screen that fails.
 */
export async function checkAtSize(page: Page, size: Size, name: string): Promise<void> {
  await page.setViewportSize(size);
  // Two frames: the resize reaches React (window size) and the new layout is painted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const shot = `${name}-${sizeName(size)}`;
  await page.screenshot({ path: join(SHOTS, `${shot}.png`) });
  const report = await measureLayout(page, minBarWidth(size));
  expect.soft(report.cut, `${shot}: cut off`).toEqual([]);
  expect.soft(report.overlaps, `${shot}: overlapping`).toEqual([]);
  expect.soft(report.small, `${shot}: targets under 44 px`).toEqual([]);
  expect.soft(report.shortBars, `${shot}: bars too short to read`).toEqual([]);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect
    .soft(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      `${shot}: axe`,
    )
    .toEqual([]);
}

/** Every size of the matrix for one screen, the page left at the first size afterwards. */
export async function checkEverySize(page: Page, name: string, sizes: readonly Size[] = SIZES): Promise<void> {
  for (const size of sizes) await checkAtSize(page, size, name);
  await page.setViewportSize(sizes[0]!);
}
