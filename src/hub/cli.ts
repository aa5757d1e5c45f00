import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PORT, startHub } from './server';

declare const __APP_VERSION__: string;

/** `npm run hub -- --data ./data --port 5780 [--host 0.0.0.0]`: the hub alone, for browsers and tests. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: './data' },
      port: { type: 'string', default: String(DEFAULT_PORT) },
      host: { type: 'string', default: '127.0.0.1' },
      instrument: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm run hub -- [--data ./data] [--port 5780] [--host 127.0.0.1] [--instrument id]');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, not "${values.port}"`);
  const hub = await startHub({
    dataDir: resolve(values.data),
    port,
    host: values.host,
    defaultInstrument: values.instrument,
    pagesDir: resolve(__dirname, '../renderer'),
    instrumentsDir: resolve(__dirname, '../../assets/instruments'),
    appVersion: __APP_VERSION__,
    log: (line) => console.log(line),
  });
  console.log(`Kiosk:     ${hub.url}/kiosk`);
  console.log(`Projector: ${hub.url}/projector`);
  console.log(`Console:   ${hub.url}/admin`);
  const stop = (): void => void hub.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
