/**
 * Maximum-weight assignment on a rows × cols weight matrix (the Hungarian method in its
 * shortest-augmenting-path form, O(n² m) for n ≤ m, so O(n³) on square inputs).
 *
 * Written here rather than taken from npm: `linear-sum-assignment` pulls in ml-matrix and
 * ml-spectra-processing for one function, and `munkres`/`munkres-js` leave tie-breaking to their
 * internals. Forty lines of our own keep the dependency list short and make the tie order ours to
 * document: with equal totals, the assignment found is the one the fixed row-by-row,
 * lowest-column-first scan reaches first, so the same matrix always gives the same answer.
 *
 * Returns, for each row, the column assigned to it or -1. Every row is assigned when rows ≤ cols
 * (and every column when cols < rows); callers drop pairs whose weight does not count.
 */
export function maxWeightAssignment(weights: readonly (readonly number[])[]): number[] {
  const rows = weights.length;
  const cols = rows === 0 ? 0 : weights[0]!.length;
  if (rows === 0 || cols === 0) return new Array(rows).fill(-1);
  // The algorithm needs rows ≤ cols; solve the transpose otherwise and invert the answer.
  if (rows > cols) {
    const transposed = Array.from({ length: cols }, (_, c) => weights.map((row) => row[c]!));
    const colToRow = maxWeightAssignment(transposed);
    const rowToCol = new Array<number>(rows).fill(-1);
    colToRow.forEach((r, c) => {
      if (r >= 0) rowToCol[r] = c;
    });
    return rowToCol;
  }
  // Minimise cost = -weight. Arrays are 1-based with index 0 as the virtual start, after the
  // classic formulation, which keeps the augmenting loop free of special cases.
  const cost = (r: number, c: number) => -weights[r - 1]![c - 1]!;
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(cols + 1);
  const rowOfCol = new Int32Array(cols + 1); // 0 = unassigned
  const way = new Int32Array(cols + 1);
  for (let r = 1; r <= rows; r++) {
    rowOfCol[0] = r;
    let col0 = 0;
    const minv = new Float64Array(cols + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Uint8Array(cols + 1);
    do {
      used[col0] = 1;
      const r0 = rowOfCol[col0]!;
      let delta = Number.POSITIVE_INFINITY;
      let col1 = 0;
      for (let c = 1; c <= cols; c++) {
        if (used[c]) continue;
        const reduced = cost(r0, c) - u[r0]! - v[c]!;
        if (reduced < minv[c]!) {
          minv[c] = reduced;
          way[c] = col0;
        }
        // Strict < picks the lowest column among equals: the documented tie order.
        if (minv[c]! < delta) {
          delta = minv[c]!;
          col1 = c;
        }
      }
      for (let c = 0; c <= cols; c++) {
        if (used[c]) {
          const rc = rowOfCol[c]!;
          u[rc] = u[rc]! + delta;
          v[c] = v[c]! - delta;
        } else {
          minv[c] = minv[c]! - delta;
        }
      }
      col0 = col1;
    } while (rowOfCol[col0] !== 0);
    do {
      const col1 = way[col0]!;
      rowOfCol[col0] = rowOfCol[col1]!;
      col0 = col1;
    } while (col0 !== 0);
  }
  const rowToCol = new Array<number>(rows).fill(-1);
  for (let c = 1; c <= cols; c++) {
    const r = rowOfCol[c]!;
    if (r > 0) rowToCol[r - 1] = c - 1;
  }
  return rowToCol;
}
