import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/export/document';
import { findInstrument, LANGUAGES, type Language } from '../../core/instrument';
import { DEFAULT_SETTINGS, settingsSchema } from '../../core/settings';
import { openForReading } from '../store/dbReadOnly';
import { buildExport } from '../export/build';
import { renderExport } from '../export/render';
import { loadInstruments } from '../day/instruments';
import { createResponseStore } from '../store/responseStore';

declare const __APP_VERSION__: string;

const USAGE = `Usage: npm run export -- [--data ./data] [--format xlsx] [--out FILE] [--lang nl|en] [--instrument ID]

Writes the totals of the stand's answers to a file, for scripts and for the office. Only reads the data folder:
the hub may run beside it.

  --data FOLDER     the hub's data folder (default ./data)
  --format FORMAT   ${EXPORT_FORMATS.join(', ')} (default xlsx); pdf is the two-page day report
  --out FILE        where to write (default ideale-ambtenaar-totalen-<date>.<format> in this folder)
  --lang LANG       the day report's language, ${LANGUAGES.join(' or ')} (default: the stand's language)
  --instrument ID   whose answers (default: the instrument the stand runs)
  --help            this text

Example:
  npm run export -- --data ./data --format pdf --lang en --out day-report.pdf`;

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
      lang: { type: 'string' },
      instrument: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new Error(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (values.lang !== undefined && !(LANGUAGES as readonly string[]).includes(values.lang))
    throw new Error(`--lang must be one of ${LANGUAGES.join(', ')}`);
  const { db, close } = openForReading(resolve(values.data));
  const store = createResponseStore(db);
  try {
    const instruments = loadInstruments(resolve(__dirname, '../../assets/instruments'));
    const id = values.instrument ?? store.getSetting('instrument') ?? instruments[0]!.id;
    const instrument = findInstrument(instruments, id);
    if (!instrument) throw new Error(`unknown instrument ${id}`);
    const saved = store.getSetting('settings');
    const settings = settingsSchema.parse({ ...DEFAULT_SETTINGS, ...(saved ? (JSON.parse(saved) as object) : {}) });
    const started = performance.now();
    const doc = buildExport(store, instrument, {
      event: settings.eventName,
      appVersion: __APP_VERSION__,
      suppressBelow: settings.suppressBelow,
      timeZone: settings.timeZone,
    });
    const read = performance.now();
    const file = await renderExport(doc, format, instrument, {
      lang: (values.lang as Language | undefined) ?? settings.defaultLang,
      fontsDir: resolve(__dirname, '../../assets/fonts'),
    });
    const done = performance.now();
    const out = resolve(values.out ?? file.fileName);
    writeFileSync(out, file.body);
    const ms = (t: number): string => `${t.toFixed(0)} ms`;
    console.log(
      `Wrote ${out} (${file.body.length} bytes, checksum ${doc.stamp.checksum}; read and built in ${ms(done - started)}: ` +
        `read and counted ${ms(read - started)}, ${format} written ${ms(done - read)})`,
    );
  } finally {
    close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
