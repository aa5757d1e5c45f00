import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, type ExportFormat } from '../../core/export/document';
import { findInstrument, LANGUAGES, type Language } from '../../core/instrument';
import { describeLoss, isLoss, type LossRecord } from '../../core/losses';
import { DEFAULT_SETTINGS, readSavedSettings, type Settings } from '../../core/settings';
import { openForReading } from '../store/dbReadOnly';
import { publicLosses, readLosses } from '../store/lossLedger';
import { buildExport } from '../export/build';
import type { LiveMomentInput } from '../../core/export/liveTables';
import { exportMoment, readClosedMoments } from '../live/liveStore';
import { renderExport } from '../export/render';
import { loadInstruments } from '../day/instruments';
import { openInstrumentLibrary } from '../library/library';
import { createResponseStore, type ResponseStore } from '../store/responseStore';

declare const __APP_VERSION__: string;

/** The exit code when the data folder records lost answers and the organiser did not pass --accept-loss. */
const EXIT_LOSS = 3;

const USAGE = `Usage: npm run export -- [--data ./data] [--format xlsx] [--out FILE] [--lang nl|en] [--instrument ID] [--accept-loss]

Writes the totals of the stand's answers to a file, for scripts and for the office. Only reads the data folder:
the hub may run beside it.

  --data FOLDER     the hub's data folder (default ./data)
  --format FORMAT   ${EXPORT_FORMATS.join(', ')} (default xlsx); pdf is the two-page day report
  --out FILE        where to write (default ideale-ambtenaar-totalen-<date>.<format> in this folder)
  --lang LANG       the day report's language, ${LANGUAGES.join(' or ')} (default: the stand's language)
  --instrument ID   whose answers (default: the instrument the stand runs)
  --accept-loss     export although the data folder records lost answers (the stamp says what was lost)
  --help            this text

Exit codes: 0 written; 1 an error (nothing written); 3 the data folder records lost answers and --accept-loss was
not given (nothing written).

Example:
  npm run export -- --data ./data --format pdf --lang en --out day-report.pdf`;

/** The folder records lost answers and nobody said they know: nothing is written. */
class LossNotAcceptedError extends Error {}

/**
 * `npm run export -- --format xlsx --out totals.xlsx [--data ./data] [--accept-loss]`: the aggregated totals, for
 * scripts. It only reads: a missing folder or database, or a damaged one, ends with the reason, exit code 1 and no
 * export file. A folder that records lost answers (or answers not stored that never arrived) ends with exit code 3
 * and no file, unless --accept-loss says the organiser knows; the export's stamp then says what was lost.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: './data' },
      format: { type: 'string', default: 'xlsx' },
      out: { type: 'string' },
      lang: { type: 'string' },
      instrument: { type: 'string' },
      'accept-loss': { type: 'boolean', default: false },
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
  const dataDir = resolve(values.data);
  const { db, close } = openForReading(dataDir);
  const store = createResponseStore(db);
  try {
    const settings = savedSettings(store);
    const losses = publicLosses(readLosses(dataDir), (id) => store.has(id));
    const told = losses.map((r) => `  - ${describeLoss(r, 'en', settings.timeZone)}`).join('\n');
    if (losses.some(isLoss) && !values['accept-loss'])
      throw new LossNotAcceptedError(
        `${dataDir} records lost answers; nothing was exported:\n${told}\nExport anyway with --accept-loss: the export's stamp then says what was lost.`,
      );
    await writeExport(store, settings, losses, readClosedMoments(db).map(exportMoment), {
      format,
      out: values.out,
      instrument: values.instrument,
      lang: (values.lang as Language | undefined) ?? settings.defaultLang,
      dataDir,
    });
    if (losses.length > 0) console.log(`The export's stamp carries what the data folder records:\n${told}`);
  } finally {
    close();
  }
}

/** The settings as the hub reads them: text saved before the text rule loses the characters it refuses. */
function savedSettings(store: ResponseStore): Settings {
  const saved = store.getSetting('settings');
  return readSavedSettings(saved ? (JSON.parse(saved) as unknown) : {}) ?? DEFAULT_SETTINGS;
}

async function writeExport(
  store: ResponseStore,
  settings: Settings,
  losses: LossRecord[],
  moments: LiveMomentInput[],
  asked: { format: ExportFormat; out?: string; instrument?: string; lang: Language; dataDir: string },
): Promise<void> {
  // The shipped instruments and those published in the console, which live in the data folder.
  const { instruments } = openInstrumentLibrary(
    asked.dataDir,
    loadInstruments(resolve(__dirname, '../../assets/instruments')),
  );
  const id = asked.instrument ?? store.getSetting('instrument') ?? instruments[0]!.id;
  const instrument = findInstrument(instruments, id);
  if (!instrument) throw new Error(`unknown instrument ${id}`);
  const started = performance.now();
  const doc = buildExport(store, instrument, {
    event: settings.eventName,
    appVersion: __APP_VERSION__,
    suppressBelow: settings.suppressBelow,
    timeZone: settings.timeZone,
    losses,
    moments,
  });
  const read = performance.now();
  const file = await renderExport(doc, asked.format, instrument, {
    lang: asked.lang,
    fontsDir: resolve(__dirname, '../../assets/fonts'),
  });
  const done = performance.now();
  const out = resolve(asked.out ?? file.fileName);
  writeFileSync(out, file.body);
  const ms = (t: number): string => `${t.toFixed(0)} ms`;
  console.log(
    `Wrote ${out} (${file.body.length} bytes, checksum ${doc.stamp.checksum}; read and built in ${ms(done - started)}: ` +
      `read and counted ${ms(read - started)}, ${asked.format} written ${ms(done - read)})`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(error instanceof LossNotAcceptedError ? EXIT_LOSS : 1);
});
