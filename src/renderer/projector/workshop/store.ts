import { create } from 'zustand';
import type { IdealType } from '../../../core/instrument';
import type { HubMessage } from '../../../core/messages';
import type { WorkshopScreen } from '../../../core/workshop';

type ScreenMessage = Extract<HubMessage, { type: 'workshopScreen' }>;

/**
 * The workshop on the shared screen as the hub sent it (docs/adr/0011-workshop-mode.md): while `screen` is set the
 * projector shows it instead of the talk's views, which stay as they were for when the screen goes back to the talk.
 * Kept apart from the crowd's store: it changes with the workshop, not with the day's arrivals.
 */
interface WorkshopScreenState {
  screen: WorkshopScreen | null;
  types: IdealType[];
  join: { url: string | null; code: string } | null;
  receive(message: ScreenMessage): void;
}

export const useWorkshopScreen = create<WorkshopScreenState>()((set) => ({
  screen: null,
  types: [],
  join: null,
  receive: ({ screen, types, join }) => set({ screen, types, join }),
}));
