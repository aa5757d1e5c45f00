import { useInvite } from './invite';
import { liveStep } from './live';
import { useProjector } from './store';

/** One presenter control: the keys that trigger it (a clicker sends PageUp/PageDown and "." or "b"). */
export interface PresenterKey {
  keys: string[];
  /** i18n key under projector.keys. */
  label: string;
  action: () => void;
}

const state = () => useProjector.getState();

export const PRESENTER_KEYS: PresenterKey[] = [
  { keys: ['ArrowRight', 'PageDown', ' '], label: 'next', action: () => state().step(1) },
  { keys: ['ArrowLeft', 'PageUp'], label: 'previous', action: () => state().step(-1) },
  { keys: ['h'], label: 'hide', action: () => state().toggle('hidden') },
  { keys: ['f'], label: 'freeze', action: () => state().toggle('frozen') },
  { keys: ['r'], label: 'round', action: () => state().toggle('roundOnly') },
  { keys: ['b', '.'], label: 'blank', action: () => state().toggle('blank') },
  { keys: ['q'], label: 'invite', action: () => useInvite.getState().toggle() },
  { keys: ['l'], label: 'live', action: liveStep },
  { keys: ['?', 'F1'], label: 'help', action: () => state().toggle('help') },
];

/** What a remote's button does on this projector: the same action as the key of that name. */
export function runPresenterCommand(command: string): void {
  PRESENTER_KEYS.find((k) => k.label === command)?.action();
}

export function bindPresenterKeys(target: Window): void {
  target.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const binding = PRESENTER_KEYS.find((k) => k.keys.includes(key));
    if (!binding) return;
    event.preventDefault();
    binding.action();
  });
}
