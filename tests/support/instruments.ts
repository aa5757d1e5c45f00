import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseInstrument, type Instrument } from '../../src/core/instrument';

export const INSTRUMENTS_DIR = join(__dirname, '../../assets/instruments');

/** Raw JSON of a shipped instrument, for tests that break it on purpose. */
export function rawInstrument(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(INSTRUMENTS_DIR, `${id}.json`), 'utf8')) as Record<string, unknown>;
}

export function shippedInstrument(id: string): Instrument {
  return parseInstrument(rawInstrument(id), `${id}.json`);
}
