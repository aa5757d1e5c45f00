import { describe, expect, it } from 'vitest';
import type { HubMessage } from '../../src/core/messages';
import { Phone, phoneAddress, scan } from '../support/audience';
import { joinPhone, liveAnswer, startLiveHub } from '../support/live';
import { useTestHub } from '../support/useTestHub';

const fixture = useTestHub(startLiveHub);

const putOne = (): number => {
  fixture.hub.context.moments.put();
  return (fixture.hub.context.moments.view() as Extract<HubMessage, { type: 'live' }>).live!.id;
};

describe('live faults', () => {
  it('refuses answers before the put, after the reveal and after the close, and for a past moment', async () => {
    const phone = await joinPhone(fixture.hub, 0);
    expect(await liveAnswer(phone, 1, 0, 'before-put-1')).toMatchObject({ code: 'live-closed' });
    const first = putOne();
    fixture.hub.context.moments.reveal();
    expect(await liveAnswer(phone, first, 0, 'after-reveal-1')).toMatchObject({ code: 'live-closed' });
    fixture.hub.context.moments.close();
    expect(await liveAnswer(phone, first, 0, 'after-close-1')).toMatchObject({ code: 'live-closed' });
    const second = putOne();
    expect(await liveAnswer(phone, first, 0, 'past-moment-1')).toMatchObject({ code: 'live-closed' });
    expect(await liveAnswer(phone, second, 5, 'no-such-option')).toMatchObject({ code: 'bad-message' });
    expect(await liveAnswer(phone, second, 1, 'second-moment-1')).toMatchObject({ type: 'ack' });
    expect(fixture.hub.context.moments.store.counts(first)).toEqual([0, 0, 0]);
    phone.close();
  });

  it('counts a replayed answer once and a phone once, also when its answers race', async () => {
    const live = putOne();
    const cookie = await scan(fixture.hub, phoneAddress(1));
    const phone = (await Phone.open(fixture.hub, { cookie, localAddress: phoneAddress(1), device: 'live-phone-one' }))!;
    const from = phone.messages.length;
    for (let i = 0; i < 5; i++) phone.send({ type: 'liveAnswer', live, option: 0, id: 'replayed-answer' });
    const acks = (): HubMessage[] => phone.messages.slice(from).filter((m) => m.type === 'ack');
    await phone.waitFor(() => acks().length === 5, from);
    expect(acks().filter((m) => m.type === 'ack' && !m.duplicate)).toHaveLength(1);
    // Racing answers with other ids from the same phone (both its ids, two sockets): none counts.
    const twin = (await Phone.open(fixture.hub, { cookie, localAddress: phoneAddress(1), device: 'live-phone-twin' }))!;
    const raced = await Promise.all([
      liveAnswer(phone, live, 1, 'raced-answer-a'),
      liveAnswer(twin, live, 2, 'raced-answer-b'),
    ]);
    expect(raced.map((r) => (r.type === 'error' ? r.code : r.type))).toEqual(['already-answered', 'already-answered']);
    expect(fixture.hub.context.moments.store.counts(live)).toEqual([1, 0, 0]);
    phone.close();
    twin.close();
  });

  it('caps a flood from one socket and refuses live answers from anything but a phone', async () => {
    const live = putOne();
    const phone = await joinPhone(fixture.hub, 2);
    const flood = await Promise.all(
      Array.from({ length: 30 }, (_, i) => liveAnswer(phone, live, 0, `flood-answer-${100 + i}`)),
    );
    expect(flood.filter((r) => r.type === 'ack')).toHaveLength(1);
    expect(flood.filter((r) => r.type === 'error' && r.code === 'rate-limited').length).toBeGreaterThan(0);
    expect(fixture.hub.context.moments.store.counts(live).reduce((a, b) => a + b, 0)).toBe(1);
    phone.close();
  });

  it('never shows a split that differs from the last by fewer than the threshold', async () => {
    const live = putOne();
    const threshold = fixture.hub.context.settings.suppressBelow;
    let previous: { of: number } | null = null;
    for (let n = 0; n < 23; n++) {
      const phone = await joinPhone(fixture.hub, 10 + n);
      await liveAnswer(phone, live, n % 3, `step-answer-${n}-x`);
      phone.close();
      const view = (fixture.hub.context.moments.view() as Extract<HubMessage, { type: 'live' }>).live!;
      if (view.split && previous && view.split.of !== previous.of)
        expect(view.split.of - previous.of).toBeGreaterThanOrEqual(threshold);
      if (view.split) previous = view.split;
      else expect(n + 1).toBeLessThan(threshold);
    }
    expect(previous!.of).toBe(20);
  });
});
