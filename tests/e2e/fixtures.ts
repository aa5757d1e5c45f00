import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';

const HUB = join(__dirname, '../../out/main/hub.js');

/** The built hub in its own process, on its own data folder and port, as a user would run it. */
export class HubProcess {
  url = '';
  port = 0;
  /** The pairing addresses the hub prints when it starts in network mode (`--lan`). */
  pairing: { kiosk?: string; projector?: string; phone?: string } = {};
  private child: ChildProcess | null = null;

  /**
   * @param clock where the hub's clock starts (ISO 8601, IDEALE_HUB_CLOCK), null for the computer's; a test may change
   * it before the next `start`.
   */
  constructor(
    readonly dataDir: string,
    private readonly extraArgs: string[] = [],
    public clock: string | null = null,
  ) {}

  async start(port = this.port): Promise<void> {
    const child = spawn(process.execPath, [HUB, '--data', this.dataDir, '--port', String(port), ...this.extraArgs], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: this.clock === null ? process.env : { ...process.env, IDEALE_HUB_CLOCK: this.clock },
    });
    this.child = child;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`hub did not start: ${output}`)), 15_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Hub on (http:\/\/[\d.]+:(\d+))/.exec(output);
        const network = this.extraArgs.includes('--lan');
        const phones = this.extraArgs.includes('--audience');
        if (
          match &&
          (!network || /\/projector\/\?join=\w+\n/.test(output)) &&
          (!phones || /\/phone\/\?code=\w+\n/.test(output))
        ) {
          this.pairing.phone = /(http:\S+\/phone\/\?code=\w+)/.exec(output)?.[1];
          this.pairing.kiosk = /(http:\S+\/kiosk\/\?join=\w+)/.exec(output)?.[1];
          this.pairing.projector = /(http:\S+\/projector\/\?join=\w+)/.exec(output)?.[1];
          clearTimeout(timer);
          this.url = match[1]!;
          this.port = Number(match[2]);
          resolve();
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`hub exited with ${code}: ${output}`)));
    });
  }

  /** Kills the hub like a power cut would (SIGKILL), and waits until it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
    this.child = null;
  }

  /** Reads the stored responses straight from the SQLite file. */
  storedResponses(): {
    id: string;
    /** `id@version` of the instrument it was answered on. */
    instrument: string;
    lang: string;
    answers: { item: string; type: string }[];
    casus: string;
    context: Record<string, string>;
  }[] {
    const db = new Database(join(this.dataDir, 'ideale-ambtenaar.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return db
        .prepare<[], { id: string; instrument: string; lang: string; answers: string; casus: string; context: string }>(
          "SELECT id, instrument_id || '@' || instrument_version AS instrument, lang, answers, casus, context FROM responses ORDER BY rowid",
        )
        .all()
        .map((r) => ({ ...r, answers: JSON.parse(r.answers), context: JSON.parse(r.context) }));
    } finally {
      db.close();
    }
  }
}

export const test = base.extend<{ hub: HubProcess; clock: string | null }>({
  /**
   * A fixed clock for a test that shows times (`test.use({ clock: '2026-02-06T10:20:00+01:00' })`): the hub's clock
   * starts at this instant and the page's is installed at it (Playwright's `page.clock`), so the hours on screen are
   * the same at whatever hour the test runs. Both run on from there; `page.clock` moves the page's further.
   */
  clock: [null, { option: true }],
  hub: async ({ clock }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ideale-e2e-'));
    const hub = new HubProcess(dataDir, [], clock);
    await hub.start(0);
    await use(hub);
    await hub.kill();
    rmSync(dataDir, { recursive: true, force: true });
  },
  page: async ({ page, clock }, use) => {
    if (clock !== null) await page.clock.install({ time: clock });
    await use(page);
  },
});

export { expect };

/** Which type each option button counts for, in screen order. */
export async function optionTypes(page: Page): Promise<string[]> {
  return page.locator('.option').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-type') ?? ''));
}
