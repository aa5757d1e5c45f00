import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import WebSocket from 'ws';
import type { ParticipantAction, ParticipantState } from '../../src/core/workshop';

type Message = { type: string; id?: string; code?: string; message?: string; state?: ParticipantState };

/** Opens the workshop's address with its code from `source`, as a scan does: the two cookies the gate sets. */
function enter(base: string, code: string, source: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/workshop/?w=${code}`, { localAddress: source, agent: false }, (res) => {
      res.resume();
      const cookies = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!);
      res.on('end', () =>
        res.statusCode === 303 ? resolve(cookies.join('; ')) : reject(new Error(`enter ${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * A workshop participant without a browser: the page's cookies, its socket (`/ws?workshop`) and its hello, then one
 * action at a time, each awaited until the hub shows it took it (an ack, or the participant's own state saying so).
 */
export class Participant {
  private constructor(
    private readonly ws: WebSocket,
    private readonly messages: Message[],
  ) {}

  static async join(base: string, code: string, source: string): Promise<Participant> {
    const cookie = await enter(base, code, source);
    const ws = new WebSocket(`${base.replace('http', 'ws')}/ws?workshop`, {
      headers: { cookie },
      localAddress: source,
    });
    const messages: Message[] = [];
    ws.on('message', (data) => messages.push(JSON.parse(data.toString()) as Message));
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const participant = new Participant(ws, messages);
    ws.send(JSON.stringify({ type: 'hello', role: 'participant', device: randomUUID() }));
    await participant.until((m) => m.type === 'welcome');
    return participant;
  }

  /** Resolves with the first message from now on that `done` accepts; rejects on an error from the hub. */
  private until(done: (m: Message) => boolean, from = this.messages.length): Promise<Message> {
    return new Promise((resolve, reject) => {
      const look = (): void => {
        for (const m of this.messages.slice(from)) {
          if (m.type === 'error') return reject(new Error(`refused: ${m.code} ${m.message}`));
          if (done(m)) return resolve(m);
        }
        setTimeout(look, 10);
      };
      look();
    });
  }

  /** Sends an action and waits until the hub took it. */
  async act(action: ParticipantAction): Promise<void> {
    const from = this.messages.length;
    this.ws.send(JSON.stringify({ type: 'participant', action }));
    const state = (m: Message): ParticipantState | null => (m.type === 'participantState' ? m.state! : null);
    switch (action.kind) {
      case 'answer':
        await this.until((m) => m.type === 'ack' && m.id === action.response.id, from);
        return;
      case 'nickname':
        await this.until((m) => state(m)?.nickname === action.nickname, from);
        return;
      case 'case':
        await this.until((m) => state(m)?.case?.text === action.text, from);
        return;
      case 'commitment':
        await this.until((m) => state(m)?.commitment?.text === action.text, from);
        return;
      case 'forget':
        await this.until((m) => state(m)?.answered === false, from);
    }
  }

  close(): void {
    this.ws.close();
  }
}
