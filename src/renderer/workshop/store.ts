import { create } from 'zustand';
import type { ParticipantAction, ParticipantState } from '../../core/workshop';
import { savedWorkshop, type SavedCommitment } from './saved';

/** How far the participant's answer got: on its way, in the workshop, waiting for a connection, or refused. */
export type WorkshopDelivery = 'saving' | 'saved' | 'pending' | 'refused';

/** What was removed by "haal mijn antwoorden weg", to say so afterwards. */
export type Removed = 'answer' | 'case' | 'commitment' | 'nickname';

/**
 * What the workshop page adds to the kiosk's visit (the kiosk store holds the answers and the screens): the
 * participant's own state as the hub last told it, how far the answer got, and what the hub refused.
 */
interface WorkshopPageState {
  state: ParticipantState | null;
  delivery: WorkshopDelivery;
  /** The hub's reason (a key of `workshopParticipant.refusals`) for refusing the participant's last action. */
  refusal: { kind: ParticipantAction['kind']; reason: string } | null;
  /** The workshop was deleted (the socket closed with 4004, or the hub said so on hello). */
  gone: boolean;
  /** "Haal mijn antwoorden weg" was sent: what there was, until the hub confirms; then `removed`. */
  forgetting: Removed[] | null;
  removed: Removed[] | null;
  /** The participant's commitment as this device keeps it, shown with the result. */
  commitment: SavedCommitment | null;
  /** Sends an action over the workshop's socket; false when there is no connection. */
  act(action: ParticipantAction): boolean;
}

export const useWorkshop = create<WorkshopPageState>()(() => ({
  state: null,
  delivery: 'saving',
  refusal: null,
  gone: false,
  forgetting: null,
  removed: null,
  commitment: savedWorkshop.commitment(),
  act: () => false,
}));

/** The refusal key the page has words for. */
export const KNOWN_REFUSALS = ['workshop-closed', 'no-nicknames', 'workshop-gone', 'unknown-type'];
