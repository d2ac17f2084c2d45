/**
 * A large image drawn much smaller than its size costs a full-resolution resample every frame,
 * and decoding it whole before the first frame costs the annotator a wait. So the image is
 * decoded off the main thread (createImageBitmap on the downloaded bytes) straight to the size
 * the fitted view needs, painted, and only then decoded at full size, with halved copies between,
 * for zooming in. Each frame draws from the smallest copy still as large as the screen needs.
 */
export interface ImageLevels {
  /** Largest first; `factor` is the copy's size relative to the image (1 = full size). */
  copies: { bitmap: ImageBitmap; factor: number }[];
}

const SMALLEST_SIDE = 256;

/** The power-of-two reduction closest above `scale` (screen pixels per image pixel). */
export function factorFor(scale: number, image: { width: number; height: number }): number {
  let factor = 1;
  while (factor / 2 >= scale && Math.min(image.width, image.height) * (factor / 2) >= SMALLEST_SIDE) {
    factor /= 2;
  }
  return factor;
}

/**
 * Loads `url` in two steps: `onLevels` first gets a copy fit for `scale`, then every copy (full
 * size down to that one). Stops when `live()` turns false.
 */
export async function loadImageLevels(
  url: string,
  image: { width: number; height: number },
  scale: number,
  onLevels: (levels: ImageLevels) => void,
  live: () => boolean,
): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`The image could not be loaded (${res.status}).`);
  const bytes = await res.blob();
  const first = factorFor(scale, image);
  const sized = (source: ImageBitmapSource, factor: number) =>
    factor === 1
      ? createImageBitmap(source)
      : createImageBitmap(source, {
          resizeWidth: Math.max(1, Math.round(image.width * factor)),
          resizeHeight: Math.max(1, Math.round(image.height * factor)),
          resizeQuality: 'medium',
        });
  const firstCopy = { bitmap: await sized(bytes, first), factor: first };
  if (!live()) return;
  onLevels({ copies: [firstCopy] });
  if (first === 1) return;
  const full = { bitmap: await sized(bytes, 1), factor: 1 };
  const copies = [full];
  for (let factor = 0.5; factor > first; factor /= 2) {
    if (!live()) return;
    copies.push({ bitmap: await sized(full.bitmap, factor), factor });
  }
  copies.push(firstCopy);
  if (live()) onLevels({ copies });
}

/** The copy to draw at `scale`: the smallest with a pixel for every screen pixel, else the largest. */
export function levelFor(levels: ImageLevels, scale: number): ImageBitmap | undefined {
  let chosen = levels.copies[0];
  for (const copy of levels.copies) {
    if (copy.factor < scale) break;
    chosen = copy;
  }
  return chosen?.bitmap;
}
