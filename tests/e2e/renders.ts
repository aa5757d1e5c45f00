import type { Page } from '@playwright/test';

/**
 * Counts how often each named React component renders, through the hook React offers its developer tools: nothing in
 * the app changes for it. A function component gets new hook objects on every render, so a component whose first
 * hook is a different object than at the last commit has rendered.
 */
export async function countRenders(page: Page): Promise<void> {
  await page.addInitScript(() => {
    interface Fiber {
      type: unknown;
      memoizedState: unknown;
      alternate: Fiber | null;
      child: Fiber | null;
      sibling: Fiber | null;
    }
    const counts: Record<string, number> = {};
    const seen = new WeakMap<Fiber, unknown>();
    (window as unknown as { renders: Record<string, number> }).renders = counts;
    let renderers = 0;
    (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      renderers: new Map(),
      inject: () => ++renderers,
      checkDCE: () => undefined,
      onScheduleFiberRoot: () => undefined,
      onCommitFiberUnmount: () => undefined,
      onPostCommitFiberRoot: () => undefined,
      onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
        const stack: Fiber[] = root.current.child ? [root.current.child] : [];
        while (stack.length > 0) {
          const fiber = stack.pop()!;
          if (fiber.sibling) stack.push(fiber.sibling);
          if (fiber.child) stack.push(fiber.child);
          if (typeof fiber.type !== 'function' || fiber.memoizedState === null) continue;
          const type = fiber.type as { name: string; displayName?: string };
          const name = type.displayName ?? type.name;
          const before = seen.has(fiber) ? seen.get(fiber) : fiber.alternate && seen.get(fiber.alternate);
          if (before !== fiber.memoizedState) counts[name] = (counts[name] ?? 0) + 1;
          seen.set(fiber, fiber.memoizedState);
          if (fiber.alternate) seen.set(fiber.alternate, fiber.memoizedState);
        }
      },
    };
  });
}

/** Renders per component since the page opened. */
export function renders(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => ({ ...(window as unknown as { renders: Record<string, number> }).renders }));
}

/** How many more times each component rendered than in `before`. */
export function rendersSince(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([name, n]) => [name, n - (before[name] ?? 0)]));
}
