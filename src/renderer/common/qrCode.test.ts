import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { ECI_UTF8, encodeQr, type QrModules } from './qrCode';

/** The code as RGBA pixels (4 per module, a quiet zone of 4), as a camera would hand it to a decoder. */
function pixels({ size, dark }: QrModules): { data: Uint8ClampedArray; width: number } {
  const scale = 4;
  const width = (size + 8) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      const mx = Math.floor(x / scale) - 4;
      const my = Math.floor(y / scale) - 4;
      if (mx >= 0 && my >= 0 && mx < size && my < size && dark(mx, my))
        data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { data, width };
}

const decode = (modules: QrModules) => {
  const { data, width } = pixels(modules);
  return jsQR(data, width, width)!;
};

describe('encodeQr', () => {
  it('marks text beyond ASCII as UTF-8 (ECI 26), so no decoder has to guess the character set', () => {
    const text =
      'Jij bent vooral Verbinder, met een duidelijke Bureaucraat-kant.\nBureaucraat 33% · Ondernemer 0% · Verbinder 67%\nNog één ding: ideeën van collega’s “samen”';
    const read = decode(encodeQr(text, 'L'));
    expect(read.chunks[0]).toEqual({ type: 'eci', assignmentNumber: ECI_UTF8 });
    expect(read.data).toBe(text);
  });

  it('keeps plain ASCII (a pairing address) without a designator', () => {
    const url = 'http://192.168.1.20:8787/kiosk/?join=ABCD1234';
    const read = decode(encodeQr(url, 'M'));
    expect(read.chunks.some((c) => c.type === 'eci')).toBe(false);
    expect(read.data).toBe(url);
  });

  it('refuses a text too long for any QR code, rather than drawing a wrong one', () => {
    expect(() => encodeQr('é'.repeat(3000), 'L')).toThrow();
  });
});
