import type { Page } from 'playwright-core';

// Mouse and keyboard on the label editor's canvas, as an annotator uses it.

export interface At {
  x: number;
  y: number;
}

/** Canvas-relative offsets → page coordinates, from the canvas's centre (where the image is fitted). */
export async function canvasAt(page: Page) {
  const box = await page.getByTestId('editor-canvas').boundingBox();
  if (!box) throw new Error('the editor canvas is not on the page');
  return (dx: number, dy: number): At => ({ x: box.x + box.width / 2 + dx, y: box.y + box.height / 2 + dy });
}

/** Press, move in steps (as a hand does), release. */
export async function drag(page: Page, from: At, to: At) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 3 });
  await page.mouse.up();
}

export const click = (page: Page, p: At) => page.mouse.click(p.x, p.y);

/** Focus leaves any field, so single keys go to the editor (keys typed into a field are the field's). */
export const focusPage = (page: Page) => page.getByRole('heading', { level: 1 }).click();

/**
 * With the editor saved, draws one box of the class on hotkey 1 from `from` to `to` (canvas
 * offsets from its centre) and waits until it is saved: one object on the task.
 */
export async function boxCar(page: Page, from: [number, number], to: [number, number]) {
  await page.getByText('Saved', { exact: true }).waitFor();
  const at = await canvasAt(page);
  await focusPage(page);
  await page.keyboard.press('1');
  await drag(page, at(...from), at(...to));
  await page.getByText('1 object').waitFor();
  await page.getByText('Saved', { exact: true }).waitFor();
}
