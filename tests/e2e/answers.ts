import type { HubMessage } from '../../src/core/messages';
import { TestClient } from '../support/hub';
import { shippedInstrument } from '../support/instruments';
import { makeResponse } from '../support/responses';
import type { HubProcess } from './fixtures';

const instrument = shippedInstrument('ideale-ambtenaar');

/** Seven answers: two Bureaucraten, one Ondernemer, three Verbinders and one chameleon. */
export const PATTERN = [() => 0, () => 0, () => 1, () => 2, () => 2, () => 2, (i: number) => i % 3];

/** Submits responses through a real kiosk socket, one after another; returns the hub's acks. */
export async function submit(
  hub: HubProcess,
  picks: ((i: number) => number)[],
): Promise<Extract<HubMessage, { type: 'ack' }>[]> {
  const kiosk = await TestClient.connect(hub.url, 'kiosk');
  const acks = [];
  for (const pick of picks) {
    const response = makeResponse(instrument, pick);
    const from = kiosk.messages.length;
    kiosk.send({ type: 'submit', response });
    acks.push(await kiosk.waitFor((m): m is Extract<HubMessage, { type: 'ack' }> => m.type === 'ack', from));
  }
  kiosk.close();
  return acks;
}
