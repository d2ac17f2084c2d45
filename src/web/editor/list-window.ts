// Which rows of a long list of equal-height rows to render: the ones in the scroll viewport plus
// a margin either side, so a list of thousands costs what a screenful does. Pure, for ObjectList.

export interface RowWindow {
  /** Index of the first row rendered. */
  start: number;
  /** Index one past the last row rendered. */
  end: number;
}

export function rowWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewHeight: number,
  overscan: number,
): RowWindow {
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((scrollTop + Math.max(0, viewHeight)) / rowHeight) + overscan);
  return { start: Math.min(start, end), end };
}

/** The scroll position that brings row `index` fully into view, moving as little as it can. */
export function scrollToReveal(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewHeight: number,
): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewHeight) return Math.max(0, bottom - viewHeight);
  return scrollTop;
}
