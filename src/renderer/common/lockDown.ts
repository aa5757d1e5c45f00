/**
 * What a web page can do itself against curious fingers, in the browser as in Electron: no context menu, no
 * selection or drag, no pinch or ctrl-wheel zoom, no file drops that would navigate away.
 */
export function lockDownPage(doc: Document): void {
  const block = (event: Event): void => event.preventDefault();
  doc.addEventListener('contextmenu', block);
  doc.addEventListener('selectstart', block);
  doc.addEventListener('dragstart', block);
  doc.addEventListener('dragover', block);
  doc.addEventListener('drop', block);
  doc.addEventListener('gesturestart', block);
  doc.addEventListener(
    'wheel',
    (event) => {
      if (event.ctrlKey) event.preventDefault();
    },
    { passive: false },
  );
  doc.addEventListener('keydown', (event) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && ['+', '=', '-', '0'].includes(event.key)) event.preventDefault();
  });
  doc.addEventListener(
    'touchmove',
    (event) => {
      if (event.touches.length > 1) event.preventDefault();
    },
    { passive: false },
  );
}
