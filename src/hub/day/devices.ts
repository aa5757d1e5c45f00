import type { Role } from '../../core/messages';
import type { Via } from '../net/peer';

/** Devices the console lists: more than a stand and a talk room use, few enough that a flood of hellos stays small. */
export const MAX_DEVICES = 64;

export interface DeviceEntry {
  /** The id the page chose for itself (any page can claim any id, so it is never the key alone). */
  device: string;
  role: Role;
  via: Via;
  lastSeen: number;
  pending: number | null;
  refused: number | null;
}

/**
 * A device's key: how it came in, from which address, and the id it gave. A page on the network naming the id of the
 * console on the hub's computer gets an entry of its own instead of taking that one over; the same tablet coming
 * back after a Wi-Fi drop finds its own entry again.
 */
export function deviceKey(via: Via, address: string, device: string): string {
  return `${via}|${address}|${device}`;
}

/**
 * Records a device that said hello, keeping what it last reported. When the list is full, the entry that matters
 * least makes room: gone before connected, network before local, then the one seen longest ago.
 */
export function rememberDevice(
  devices: Map<string, DeviceEntry>,
  key: string,
  entry: Omit<DeviceEntry, 'pending' | 'refused'>,
  isConnected: (key: string) => boolean,
): void {
  const known = devices.get(key);
  if (!known && devices.size >= MAX_DEVICES) {
    const weight = ([k, d]: [string, DeviceEntry]): number => (isConnected(k) ? 2 : 0) + (d.via === 'local' ? 1 : 0);
    const victim = [...devices].sort((a, b) => weight(a) - weight(b) || a[1].lastSeen - b[1].lastSeen)[0];
    if (victim) devices.delete(victim[0]);
  }
  devices.set(key, { ...entry, pending: known?.pending ?? null, refused: known?.refused ?? null });
}
