import { hubMessageSchema, type ClientMessage, type HubMessage, type Role } from '../../core/messages';
import type { ConnectionState } from './connectionState';
import { randomId } from './randomId';

export type { ConnectionState };

export interface HubClient {
  send(message: ClientMessage): boolean;
  close(): void;
  /** Drops the socket and connects again now: a phone back from a locked screen may hold a socket that is dead. */
  reconnect(): void;
}

interface HubClientOptions {
  role: Role;
  device: string;
  onMessage: (message: HubMessage) => void;
  onState: (state: ConnectionState) => void;
  /** Where the hub is; defaults to the host that served this page. */
  url?: string;
  /** The socket's path on this page's host (`/ws` by default; the remote asks for `/ws?remote`). */
  socketPath?: string;
  /** Told the close code of every socket that closes (a workshop's page learns its workshop was deleted: 4004). */
  onClose?: (code: number) => void;
}

/** First reconnect delay; it doubles up to 4 s while the hub cannot be reached. */
const FIRST_DELAY_MS = 250;

/**
 * A WebSocket to the hub that says hello on every (re)connect and reconnects by itself with backoff, so a hub
 * restart or a Wi-Fi drop heals without anyone touching the page. Every incoming frame is validated.
 */
export function connectHub(options: HubClientOptions): HubClient {
  const url =
    options.url ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${options.socketPath ?? '/ws'}`;
  let socket: WebSocket | null = null;
  let stopped = false;
  let delay = FIRST_DELAY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The hub answered that this device is not paired (see onclose). */
  let refused = false;

  const open = (): void => {
    // Retries keep the last state on screen ("offline", "not paired") instead of blinking through "connecting".
    if (delay === FIRST_DELAY_MS) options.onState('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      delay = FIRST_DELAY_MS;
      refused = false;
      ws.send(JSON.stringify({ type: 'hello', role: options.role, device: options.device } satisfies ClientMessage));
      options.onState('open');
    };
    ws.onmessage = (event) => {
      const parsed = hubMessageSchema.safeParse(safeJson(String(event.data)));
      if (parsed.success) options.onMessage(parsed.data);
      else console.warn('Ignored a frame the hub should not send', parsed.error.issues[0]);
    };
    ws.onclose = (event) => {
      if (socket === ws) socket = null;
      options.onClose?.(event.code);
      options.onState(refused ? 'unpaired' : 'closed');
      // A browser hides why a handshake failed; asking for this page again tells a hub that is down (no answer)
      // from one that no longer lets this device in (401). The answer holds until a socket opens again.
      if (!opened && !options.url)
        void fetch(location.pathname, { method: 'HEAD', cache: 'no-store' })
          .then((res) => {
            refused = res.status === 401;
            if (refused && !stopped && socket === null) options.onState('unpaired');
          })
          .catch(() => undefined);
      if (!stopped) {
        timer = setTimeout(open, delay);
        delay = Math.min(delay * 2, 4000);
      }
    };
  };
  open();

  return {
    send: (message) => {
      if (!socket || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
    close: () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    },
    reconnect: () => {
      if (stopped) return;
      clearTimeout(timer);
      const old = socket;
      socket = null;
      if (old) {
        old.onclose = null;
        old.close();
      }
      delay = FIRST_DELAY_MS;
      open();
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A random id for this device, kept across reloads; it identifies a screen to the hub, never a person. */
export function deviceId(storageKey: string): string {
  const existing = localStorage.getItem(storageKey);
  if (existing) return existing;
  const id = randomId();
  localStorage.setItem(storageKey, id);
  return id;
}
