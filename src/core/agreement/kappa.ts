import { sortedUnion, type Value } from './values.ts';

/**
 * Fleiss' kappa for `counts` given as subjects × categories, each cell the number of raters who
 * put that subject in that category (Fleiss 1971). Every subject must have the same number of
 * raters, at least two — the per-subject agreement P_i assumes it.
 *
 * Returns NaN when chance agreement is 1 (every rating in one category): kappa is 0/0 there.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number {
  const subjects = counts.length;
  if (subjects === 0) return Number.NaN;
  const categories = counts[0]!.length;
  let raters = -1;
  for (const [i, row] of counts.entries()) {
    if (row.length !== categories) {
      throw new RangeError(
        `fleissKappa: every subject needs one count per category (subject 0 has ${categories}, subject ${i} has ${row.length})`,
      );
    }
    for (const x of row) {
      if (!Number.isInteger(x) || x < 0) {
        throw new RangeError(`fleissKappa: counts must be non-negative integers (subject ${i} has ${x})`);
      }
    }
    const total = row.reduce((s, x) => s + x, 0);
    if (raters === -1) raters = total;
    else if (total !== raters) {
      throw new RangeError(
        `fleissKappa: every subject must be rated by the same number of raters (subject 0 has ${raters}, subject ${i} has ${total})`,
      );
    }
  }
  if (raters < 2) {
    throw new RangeError(`fleissKappa: at least two raters per subject are needed (got ${raters})`);
  }

  let meanP = 0;
  const columnTotals = new Array<number>(categories).fill(0);
  for (const row of counts) {
    let squares = 0;
    row.forEach((x, j) => {
      squares += x * x;
      columnTotals[j]! += x;
    });
    meanP += (squares - raters) / (raters * (raters - 1));
  }
  meanP /= subjects;
  const chance = columnTotals.reduce((s, x) => s + (x / (subjects * raters)) ** 2, 0);
  if (chance === 1) return Number.NaN;
  return (meanP - chance) / (1 - chance);
}

/**
 * Cohen's kappa for two raters who labelled the same items in the same order (Cohen 1960);
 * with `weights`, Cohen's (1968) weighted kappa.
 *
 * Weighted kappa needs ordered categories. The order is the sorted union of both raters' values
 * (numbers numerically, strings by code unit — see `compareValues`), never order of appearance,
 * which would make the result depend on which item came first. Disagreement weights are based on
 * the distance between positions in that order: |i − j| (linear) or (i − j)² (quadratic), as in
 * scikit-learn's `cohen_kappa_score`. Categories neither rater used do not count as positions.
 *
 * Returns NaN for empty input and when chance disagreement is 0 (both raters always gave the same
 * single value): kappa is 0/0 there.
 */
export function cohenKappa(
  a: readonly Value[],
  b: readonly Value[],
  weights?: 'linear' | 'quadratic',
): number {
  if (a.length !== b.length) {
    throw new RangeError(
      `cohenKappa: both raters must label the same items (got ${a.length} and ${b.length} labels)`,
    );
  }
  const n = a.length;
  if (n === 0) return Number.NaN;
  for (const v of [...a, ...b]) {
    if (typeof v === 'number' && !Number.isFinite(v)) {
      throw new RangeError(`cohenKappa: labels must be finite numbers or strings (got ${v})`);
    }
  }

  const categories = sortedUnion([...a, ...b]);
  const index = new Map<Value, number>(categories.map((c, i) => [c, i]));
  const k = categories.length;
  const observed: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const rowTotals = new Array<number>(k).fill(0);
  const colTotals = new Array<number>(k).fill(0);
  for (let t = 0; t < n; t++) {
    const i = index.get(a[t]!)!;
    const j = index.get(b[t]!)!;
    observed[i]![j]! += 1;
    rowTotals[i]! += 1;
    colTotals[j]! += 1;
  }

  // Disagreement form, 1 − Σ w·o / Σ w·e, covers unweighted kappa too (w = 0 on the diagonal,
  // 1 elsewhere) and equals (p_o − p_e) / (1 − p_e) in that case.
  const weight = (i: number, j: number): number =>
    weights === 'linear' ? Math.abs(i - j) : weights === 'quadratic' ? (i - j) ** 2 : i === j ? 0 : 1;
  let disagreeObserved = 0;
  let disagreeExpected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = weight(i, j);
      disagreeObserved += w * observed[i]![j]!;
      disagreeExpected += (w * rowTotals[i]! * colTotals[j]!) / n;
    }
  }
  if (disagreeExpected === 0) return Number.NaN;
  return 1 - disagreeObserved / disagreeExpected;
}
