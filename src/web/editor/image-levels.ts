/**
 * A large image drawn much smaller than its size costs a full-resolution resample every frame.
 * Halved copies (made once, off the main thread by createImageBitmap) let each frame draw from
 * the smallest copy still at least as large as the screen needs.
 */
export interface ImageLevels {
  full: HTMLImageElement;
  /** Halved, quartered, … copies, largest first. */
  reduced: ImageBitmap[];
}

const SMALLEST_SIDE = 512;

export async function loadImage(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.decoding = 'async';
  img.src = url;
  await img.decode();
  return img;
}

export async function reducedLevels(img: HTMLImageElement): Promise<ImageBitmap[]> {
  const levels: ImageBitmap[] = [];
  let w = img.naturalWidth;
  let h = img.naturalHeight;
  let source: CanvasImageSource = img;
  while (Math.min(w, h) / 2 >= SMALLEST_SIDE) {
    w = Math.round(w / 2);
    h = Math.round(h / 2);
    const next: ImageBitmap = await createImageBitmap(source, {
      resizeWidth: w,
      resizeHeight: h,
      resizeQuality: 'medium',
    });
    levels.push(next);
    source = next;
  }
  return levels;
}

/** The copy to draw at `scale` (screen pixels per image pixel). */
export function levelFor(levels: ImageLevels, scale: number): CanvasImageSource {
  let chosen: CanvasImageSource = levels.full;
  let factor = 1;
  for (const level of levels.reduced) {
    factor /= 2;
    // Keep a copy only while it still has a pixel for every screen pixel.
    if (scale > factor) break;
    chosen = level;
  }
  return chosen;
}
