import { useInvite } from './invite';
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
  { keys: ['?', 'F1'], label: 'help', action: () => state().toggle('help') },
];

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
