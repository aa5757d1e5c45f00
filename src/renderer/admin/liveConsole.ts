import { create } from 'zustand';
import type { LiveAdminAction, LiveStatus } from '../../core/live';
import { useConsole } from './store';

/** The console's live panel: what the hub last said about it (its own `liveStatus` message). */
export const useLiveConsole = create<{ status: LiveStatus | null }>()(() => ({ status: null }));

/** Sends a live action with the organiser's session, as every console action. */
export function actLive(action: LiveAdminAction): void {
  const { token, client } = useConsole.getState();
  if (token) client?.send({ type: 'liveAdmin', token, action });
}
