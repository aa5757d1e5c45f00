import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/export/document';
import { findInstrument } from '../../core/instrument';
import { DEFAULT_SETTINGS, readSavedSettings } from '../../core/settings';
import { openForReading } from '../store/dbReadOnly';
import { buildExport } from '../export/build';
import { renderExport } from '../export/render';
import { loadInstruments } from '../day/instruments';
import { createResponseStore } from '../store/responseStore';

declare const __APP_VERSION__: string;

/**
 * `npm run export -- --format xlsx --out totals.xlsx [--data ./data]`: the aggregated totals, for scripts. It only
 * reads: a missing folder or database, or a damaged one, ends with the reason, exit code 1 and no export file.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: './data' },
      format: { type: 'string', default: 'xlsx' },
      out: { type: 'string' },
      instrument: { type: 'string' },
    },
  });
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new Error(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  const { db, close } = openForReading(resolve(values.data));
  const store = createResponseStore(db);
  try {
    const instruments = loadInstruments(resolve(__dirname, '../../assets/instruments'));
    const id = values.instrument ?? store.getSetting('instrument') ?? instruments[0]!.id;
    const instrument = findInstrument(instruments, id);
    if (!instrument) throw new Error(`unknown instrument ${id}`);
    const saved = store.getSetting('settings');
    // Read as the hub reads them: text saved before the text rule loses the characters it refuses.
    const settings = readSavedSettings(saved ? (JSON.parse(saved) as unknown) : {}) ?? DEFAULT_SETTINGS;
    const started = performance.now();
    const doc = buildExport(store, instrument, {
      event: settings.eventName,
      appVersion: __APP_VERSION__,
      suppressBelow: settings.suppressBelow,
      timeZone: settings.timeZone,
    });
    const file = await renderExport(doc, format, instrument);
    const took = performance.now() - started;
    const out = resolve(values.out ?? file.fileName);
    writeFileSync(out, file.body);
    console.log(
      `Wrote ${out} (${file.body.length} bytes, checksum ${doc.stamp.checksum}; read and built in ${took.toFixed(0)} ms)`,
    );
  } finally {
    close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
