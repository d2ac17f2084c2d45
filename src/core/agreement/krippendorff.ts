import { type CodedValue, pairableUnits, sortedUnion, type Value } from './values.ts';

/** Levels of measurement Krippendorff defines a difference function for. */
export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/**
 * Krippendorff's alpha for reliability data given as observers × units (`null` = missing).
 *
 * Follows Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": build the
 * coincidence matrix o_ck from pairable units (each unit with m_u ≥ 2 values contributes
 * 1/(m_u − 1) per ordered pair), then alpha = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
 *
 * Returns NaN when there is nothing to judge: no pairable values, or no variation at all
 * (every pairable value identical, so expected disagreement is 0 and alpha is 0/0 — Krippendorff
 * treats that as undefined rather than perfect, because the data cannot show reliability).
 */
export function krippendorffAlpha(data: readonly (readonly CodedValue[])[], level: AlphaLevel): number {
  const units = pairableUnits(data, 'krippendorffAlpha');
  if (units.length === 0) return Number.NaN;
  if (level === 'nominal') return nominalAlpha(units);

  const categories = sortedUnion(units.flat());
  const index = new Map<Value, number>(categories.map((c, i) => [c, i]));
  const k = categories.length;

  // Coincidence matrix, symmetric by construction because every ordered pair is counted.
  const o: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const values of units) {
    const weight = 1 / (values.length - 1);
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        if (i === j) continue;
        o[index.get(values[i]!)!]![index.get(values[j]!)!]! += weight;
      }
    }
  }
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);

  const delta = differenceFunction(level, categories, nc);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      const dd = delta(c, d);
      observed += o[c]![d]! * dd;
      expected += nc[c]! * nc[d]! * dd;
    }
  }
  if (expected === 0) return Number.NaN;
  return 1 - ((n - 1) * observed) / expected;
}

/**
 * The nominal case without the k × k matrix: with δ² = 1 off the diagonal, the observed sum is
 * n − Σ o_cc and the expected sum n² − Σ n_c², so only the diagonal and the marginals are needed.
 * Linear in the values, where the matrix is quadratic in the categories — free-text answers can
 * have as many categories as units.
 */
function nominalAlpha(units: readonly (readonly Value[])[]): number {
  const marginals = new Map<Value, number>();
  let n = 0;
  let diagonal = 0;
  for (const values of units) {
    const counts = new Map<Value, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const m = values.length;
    for (const [v, c] of counts) {
      diagonal += (c * (c - 1)) / (m - 1);
      marginals.set(v, (marginals.get(v) ?? 0) + c);
    }
    n += m;
  }
  let squares = 0;
  for (const c of marginals.values()) squares += c * c;
  const expected = n * n - squares;
  if (expected === 0) return Number.NaN;
  return 1 - ((n - 1) * (n - diagonal)) / expected;
}

/** δ²(c, k) by category index; categories are already sorted, which the ordinal metric relies on. */
function differenceFunction(
  level: AlphaLevel,
  categories: readonly Value[],
  nc: readonly number[],
): (c: number, k: number) => number {
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'ordinal': {
      // Rank-based metric: the marginal mass from c through k, minus half of each endpoint,
      // so the distance reflects how many coded values lie between the two ranks.
      const cumulative = [0];
      for (const x of nc) cumulative.push(cumulative.at(-1)! + x);
      return (c, k) => {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        const between = cumulative[hi + 1]! - cumulative[lo]! - (nc[lo]! + nc[hi]!) / 2;
        return between * between;
      };
    }
    case 'interval': {
      const nums = numericCategories(categories, level);
      return (c, k) => (nums[c]! - nums[k]!) ** 2;
    }
    case 'ratio': {
      const nums = numericCategories(categories, level);
      if (nums.some((x) => x < 0)) {
        throw new RangeError(
          'krippendorffAlpha: ratio data must be non-negative (ratio scales have an absolute zero)',
        );
      }
      return (c, k) => {
        const sum = nums[c]! + nums[k]!;
        // Both zero: identical values, no difference (avoids 0/0).
        return sum === 0 ? 0 : ((nums[c]! - nums[k]!) / sum) ** 2;
      };
    }
  }
}

function numericCategories(categories: readonly Value[], level: AlphaLevel): number[] {
  return categories.map((c) => {
    if (typeof c !== 'number') {
      throw new RangeError(`krippendorffAlpha: ${level} data must be numbers (got ${JSON.stringify(c)})`);
    }
    return c;
  });
}
