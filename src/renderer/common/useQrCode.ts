import { useMemo } from 'react';
import { encodeQr } from './qrCode';

/** Modules of white border around the code (the page around it is dark, the image brings its own light margin). */
const MARGIN = 2;

/** Draws the code on a canvas, whole pixels per module, at most `width` pixels wide; a PNG data URL. */
function qrDataUrl(text: string, width: number, level: 'L' | 'M'): string {
  const { size, dark } = encodeQr(text, level);
  const scale = Math.max(1, Math.floor(width / (size + 2 * MARGIN)));
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = (size + 2 * MARGIN) * scale;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000000';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (dark(x, y)) ctx.fillRect((x + MARGIN) * scale, (y + MARGIN) * scale, scale, scale);
    }
  }
  return canvas.toDataURL('image/png');
}

/**
 * A QR code for `text` as a PNG data URL, drawn on this device (no network); null for no text or if it does not fit.
 * A long text on a clean screen can take level 'L' (less error correction, larger modules).
 */
export function useQrCode(text: string, width: number, level: 'L' | 'M' = 'M'): string | null {
  return useMemo(() => {
    if (!text) return null;
    try {
      return qrDataUrl(text, width, level);
    } catch {
      return null;
    }
  }, [text, width, level]);
}
