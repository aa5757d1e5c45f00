import { describe, expect, it } from 'vitest';
import type { AdminAction, HubMessage } from '../../src/core/messages';
import { loginAsOrganiser, startTestHub, TestClient } from '../support/hub';
import { useTestHub } from '../support/useTestHub';

/**
 * Flood, "control characters in settings": an event name with a NUL and a right-to-left override was accepted, then
 * printed on the projector and in every export. Every text an organiser sends is one line of visible text
 * (core/text.ts): anything else is refused with the exact words, and nothing changes.
 */
const fixture = useTestHub();
type ErrorMessage = Extract<HubMessage, { type: 'error' }>;

async function organiser(): Promise<{ console_: TestClient; act: (action: AdminAction) => Promise<HubMessage> }> {
  const console_ = await TestClient.connect(fixture.hub.url, 'admin');
  const token = await loginAsOrganiser(console_);
  const act = async (action: AdminAction): Promise<HubMessage> => {
    const from = console_.messages.length;
    console_.send({ type: 'admin', token, action });
    return console_.waitFor((m) => m.type === 'done' || m.type === 'error', from);
  };
  return { console_, act };
}

describe('flood: control characters in settings', () => {
  it('an event name with a NUL and a right-to-left override is refused with the exact words, and nothing changes', async () => {
    const { console_, act } = await organiser();
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    const saved = fixture.hub.store.getSetting('settings');
    const before = { ...fixture.hub.context.settings };
    const reply = (await act({ kind: 'settings', settings: { eventName: 'Dag\u0000\u202Enepsi' } })) as ErrorMessage;
    expect(reply).toMatchObject({
      type: 'error',
      code: 'bad-message',
      message:
        'event name: character 4 (U+0000) is an invisible control character; use visible text on one line at action.settings.eventName',
      detail: { key: 'textRefused.eventName', params: { position: 4, character: 'U+0000', kind: 'control' } },
    });
    expect(fixture.hub.store.getSetting('settings')).toBe(saved);
    expect(fixture.hub.context.settings).toEqual(before);
    // Projectors heard nothing: no new state, no new welcome.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(projector.messages.filter((m) => m.type === 'state' || m.type === 'welcome')).toHaveLength(1);
    const res = await fetch(`${fixture.hub.url}/export?format=csv`, {
      headers: { Authorization: `Bearer ${await loginAsOrganiser(console_)}` },
    });
    const csv = await res.text();
    expect(csv).not.toContain('\u0000');
    expect(csv).not.toContain('\u202E');
    for (const c of [console_, projector]) c.close();
  });

  it('every other text an organiser sends is held to the same rule: round names, time zone, address, instrument', async () => {
    const { console_, act } = await organiser();
    const cases: [AdminAction, string][] = [
      [{ kind: 'startRound', name: 'Zaal 2\u202E' }, 'textRefused.roundName'],
      [{ kind: 'startRound', name: '\tZaal 2' }, 'textRefused.roundName'],
      [{ kind: 'startRound', name: 'Zaal\u20282' }, 'textRefused.roundName'],
      [{ kind: 'settings', settings: { timeZone: 'Europe/Amsterdam\u2066' } }, 'textRefused.timeZone'],
      [{ kind: 'settings', settings: { eventName: 'Dag\u200F2025' } }, 'textRefused.eventName'],
      [{ kind: 'settings', settings: { eventName: 'Dag \u0085' } }, 'textRefused.eventName'],
      [{ kind: 'lanAddress', address: '192.168.1.10\u0000' }, 'textRefused.address'],
      [{ kind: 'instrument', id: 'vier-perspectieven\u202E' }, 'textRefused.instrument'],
    ];
    for (const [action, key] of cases) {
      const reply = await act(action);
      expect(reply, JSON.stringify(action)).toMatchObject({ type: 'error', code: 'bad-message', detail: { key } });
      expect((reply as ErrorMessage).message).toMatch(
        /character \d+ \(U\+[0-9A-F]{4}\) is .*; use visible text on one line/,
      );
    }
    expect(fixture.hub.store.rounds()).toEqual([]);
    expect(fixture.hub.context.live.instrument.id).toBe('ideale-ambtenaar');
    // Visible text from other scripts and emoji is welcome.
    expect(await act({ kind: 'startRound', name: 'Zaal 2 — café 👩🏽‍💻' })).toMatchObject({ type: 'done' });
    console_.close();
  });

  it('a name saved before the rule is shown clean, and the database it is in is not taken for damaged', async () => {
    fixture.hub.store.setSetting('settings', JSON.stringify({ eventName: 'Dag\u0000 \u202E2025', suppressBelow: 7 }));
    fixture.hub.store.startRound('Zaal\u202E 2', Date.now());
    await fixture.hub.close();
    fixture.hub = await startTestHub(fixture.dir);
    expect(fixture.hub.openReport.recovery).toBeUndefined();
    expect(fixture.hub.openReport.problems).toEqual([]);
    const projector = await TestClient.connect(fixture.hub.url, 'projector');
    const welcome = projector.messages[0] as Extract<HubMessage, { type: 'welcome' }>;
    expect(welcome.settings).toMatchObject({ eventName: 'Dag 2025', suppressBelow: 7 });
    expect(welcome.round?.name).toBe('Zaal 2');
    projector.close();
  });
});
