import type { Browser, CDPSession, Page } from '@playwright/test';

/** The long day's browser, page and sessions as the bench holds them; `during` receives it once an hour. */
export interface LongDay {
  browser: Browser;
  page: Page;
  /** A CDP session on the browser (SystemInfo). */
  session: CDPSession;
  /** A CDP session on the page (Performance). */
  pageSession: CDPSession;
}

/** The page's clock runs fast (Date, performance.now, timers); its animation frames stay the browser's own. */
export declare function installFastClock(page: Page): Promise<void>;

/** The long day: prints figures per hour; rejects at the end when an hour failed (the other hours still ran). */
export declare function benchLongDay(options?: {
  minutes?: number;
  arrivals?: number;
  hours?: number;
  during?: (hour: number, day: LongDay) => unknown;
}): Promise<void>;
