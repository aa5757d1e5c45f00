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
    return { width: data.width, height: data.height, data: Array.from(data.data) };
  }, dataUrl);
  return { ...image, data: Uint8ClampedArray.from(image.data) };
}
