import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InstrumentError, parseInstrument, type Instrument } from '../../core/instrument';

/**
 * Loads every instrument file in `dir`. A broken file stops the start with a message naming the file, the place in
 * it and the fault: better a clear refusal before the doors open than a kiosk that breaks mid-question.
 */
export function loadInstruments(dir: string): Instrument[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const instruments = files.map((f) => {
    const path = join(dir, f);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new InstrumentError(path, [{ path: '', message: `not valid JSON (${(error as Error).message})` }]);
    }
    return parseInstrument(data, path);
  });
  const seen = new Set<string>();
  for (const inst of instruments) {
    const key = `${inst.id}@${inst.version}`;
    if (seen.has(key)) throw new InstrumentError(dir, [{ path: '', message: `${key} is defined twice` }]);
    seen.add(key);
  }
  if (instruments.length === 0) throw new InstrumentError(dir, [{ path: '', message: 'holds no instrument (*.json)' }]);
  return instruments;
}
