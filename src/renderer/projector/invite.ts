import { create } from 'zustand';
import type { AudienceInvite } from '../../core/audience';

/**
 * The invitation for phones in the room (audience mode), as the hub sent it, and whether the presenter shows it
 * (key Q). Kept apart from the crowd's store: it changes with the hub's audience state, not with arrivals.
 */
interface InviteState {
  invite: AudienceInvite | null;
  shown: boolean;
  receive(invite: AudienceInvite): void;
  toggle(): void;
}

export const useInvite = create<InviteState>()((set) => ({
  invite: null,
  shown: false,
  receive: (invite) => set({ invite }),
  toggle: () => set((s) => ({ shown: !s.shown })),
}));
