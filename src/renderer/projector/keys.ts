import { useProjector } from './store';

/** Presenter keys; a clicker sends PageUp/PageDown and "." or "b" for blank. */
export const PRESENTER_KEYS: Record<string, { action: () => void }> = {
  h: { action: () => useProjector.getState().toggleHidden() },
  b: { action: () => useProjector.getState().toggleBlank() },
  '.': { action: () => useProjector.getState().toggleBlank() },
  '?': { action: () => useProjector.getState().toggleHelp() },
};

export function bindPresenterKeys(target: Window): void {
  target.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const binding = PRESENTER_KEYS[event.key.toLowerCase()];
    if (!binding) return;
    event.preventDefault();
    binding.action();
  });
}
