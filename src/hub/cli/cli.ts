/**
 * The command room: `npm run hub` (this module), `npm run export` (exportCli.ts) and the simulation harness
 * (harnessCli.ts). Each parses its arguments (the hub and the export print their usage for --help) and calls the
 * rooms it needs.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { audienceUrl } from '../../core/audience';
import { pairingUrl } from '../../core/lan';
import { DEFAULT_LAN_PORT } from '../net/lan';
import { DEFAULT_PORT, startHub } from '../server';

declare const __APP_VERSION__: string;

/** `npm run hub -- --data ./data --port 5780 [--lan]`: the hub alone, for browsers, a stand server and tests. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: './data' },
      port: { type: 'string', default: String(DEFAULT_PORT) },
      lan: { type: 'boolean', default: false },
      audience: { type: 'boolean', default: false },
      'lan-port': { type: 'string', default: String(DEFAULT_LAN_PORT) },
      'lan-host': { type: 'string', default: '0.0.0.0' },
      instrument: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(
      'Usage: npm run hub -- [--data ./data] [--port 5780] [--instrument id] [--lan [--audience]] [--lan-port 5781] [--lan-host 0.0.0.0]',
    );
    return;
  }
  const port = portOption('--port', values.port);
  const lanPort = portOption('--lan-port', values['lan-port']);
  const hub = await startHub({
    dataDir: resolve(values.data),
    port,
    lan: values.lan,
    audience: values.audience,
    lanPort,
    lanHost: values['lan-host'],
    defaultInstrument: values.instrument,
    pagesDir: resolve(__dirname, '../renderer'),
    instrumentsDir: resolve(__dirname, '../../assets/instruments'),
    appVersion: __APP_VERSION__,
    log: (line) => console.log(line),
    now: clockFrom(process.env.IDEALE_HUB_CLOCK),
  });
  console.log(`Kiosk:     ${hub.url}/kiosk`);
  console.log(`Projector: ${hub.url}/projector`);
  console.log(`Console:   ${hub.url}/admin`);
  const lan = hub.context.lan.status();
  if (lan.listening && lan.code !== null) {
    const address = lan.address ?? '<address of this computer>';
    console.log(`Network:   ${pairingUrl(address, lan.port, 'kiosk', lan.code)}`);
    console.log(`           ${pairingUrl(address, lan.port, 'projector', lan.code)}`);
    const audience = hub.context.audience.activeCode();
    if (audience !== null) console.log(`Phones:    ${audienceUrl(address, lan.port, audience)}`);
  }
  const stop = (): void => void hub.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * IDEALE_HUB_CLOCK=2026-02-06T10:20:00+01:00 starts the hub's clock at that instant and lets it run on from there, so
 * an end-to-end test can put the hub at any hour of any day (its page's clock set to the same instant). Unset, the
 * hub reads the computer's clock.
 */
function clockFrom(value: string | undefined): (() => number) | undefined {
  if (value === undefined || value === '') return undefined;
  const start = Date.parse(value);
  if (Number.isNaN(start)) throw new Error(`IDEALE_HUB_CLOCK must be a date and time (ISO 8601), not "${value}"`);
  const ahead = start - Date.now();
  return () => Date.now() + ahead;
}

function portOption(name: string, value: string | undefined): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be 0-65535, not "${value}"`);
  return port;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
