/** One visitor through the kiosk page, run inside the page with `page.evaluate(visit, n)`. */
export declare function visit(v: number): Promise<void>;
