import type { Page } from '@playwright/test';

/** The RGBA pixels of an image given as a data URL, decoded by the browser itself. */
export async function pixelsOf(
  page: Page,
  dataUrl: string,
): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const image = await page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height);
    // Handed back as base64: an array of two million numbers took most of a minute on a busy machine.
    let binary = '';
    for (let i = 0; i < data.data.length; i += 0x8000) {
      binary += String.fromCharCode(...data.data.subarray(i, i + 0x8000));
    }
    return { width: data.width, height: data.height, base64: btoa(binary) };
  }, dataUrl);
  const bytes = Buffer.from(image.base64, 'base64');
  return {
    width: image.width,
    height: image.height,
    data: new Uint8ClampedArray(bytes.buffer, bytes.byteOffset, bytes.length),
  };
}

/** How much the canvas differs from the plain background: the share of pixels that are not background. */
export async function sceneCoverage(page: Page): Promise<number> {
  // Only the scene: the words on top are hidden while the picture is taken.
  const style = await page.addStyleTag({ content: '.overlay, .frame { visibility: hidden !important; }' });
  const shot = await page.locator('canvas').screenshot();
  await style.evaluate((node) => (node as Element).remove());
  // Counted in the page: a whole canvas's pixels are millions of numbers, too many to hand back (pixelsOf is for
  // small images such as QR codes).
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let other = 0;
    for (let i = 0; i < d.length; i += 4)
      if (Math.abs(d[i]! - 11) + Math.abs(d[i + 1]! - 16) + Math.abs(d[i + 2]! - 32) > 30) other++;
    return other / (d.length / 4);
  }, shot.toString('base64'));
}

/** Makes the page find no WebGL, as on a machine without it: the projector then draws its 2-D crowd. */
export async function withoutWebGL(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (type.startsWith('webgl')) return null;
      return (original as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    } as typeof original;
  });
}
