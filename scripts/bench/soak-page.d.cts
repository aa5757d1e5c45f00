import type { Page } from '@playwright/test';

/** One visitor through the kiosk page, run inside the page with `page.evaluate(visit, n)`. */
export declare function visit(v: number): Promise<void>;

/** The page's JS heap in MB after a full garbage collection (Chromium only). */
export declare function heapMb(page: Page): Promise<number>;
