/**
 * Shared input handling for the reliability coefficients: the reliability-data shape
 * (observers × units, null = missing), how values are ordered, and which units are pairable.
 * Kept in one place so alpha and percent agreement agree on what a "pairable value" is.
 */

/** One coded value; `null` means the observer did not code that unit. */
export type CodedValue = string | number | null;

/** A value that was actually coded. */
export type Value = string | number;

/**
 * Order for ordinal metrics and weighted kappa. Numbers sort numerically (so 10 > 2), strings by
 * UTF-16 code units (so '10' < '2' — callers with numeric ranks should pass numbers), and numbers
 * before strings so a mixed set still has one deterministic order.
 */
export function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The distinct values, in `compareValues` order. `1` and `'1'` stay distinct on purpose. */
export function sortedUnion(values: Iterable<Value>): Value[] {
  return [...new Set(values)].sort(compareValues);
}

function checkValue(v: CodedValue, where: string): void {
  if (typeof v === 'number' && !Number.isFinite(v)) {
    throw new RangeError(`${where}: values must be finite numbers, strings or null (got ${v})`);
  }
}

/**
 * Turns observers × units into the values of each pairable unit (one array per unit, missing
 * values removed). Units with fewer than two values are dropped: Krippendorff's coincidences
 * need at least one pair within a unit, so a lone value carries no information about agreement.
 * Rows must all have the same length so that column j means the same unit for every observer.
 */
export function pairableUnits(data: readonly (readonly CodedValue[])[], fn: string): Value[][] {
  const first = data[0];
  if (first === undefined) return [];
  const unitCount = first.length;
  for (const [i, row] of data.entries()) {
    if (row.length !== unitCount) {
      throw new RangeError(
        `${fn}: every observer row must have one entry per unit (row 0 has ${unitCount}, row ${i} has ${row.length}); use null for missing values`,
      );
    }
  }
  const units: Value[][] = [];
  for (let u = 0; u < unitCount; u++) {
    const values: Value[] = [];
    for (const row of data) {
      const v = row[u] ?? null;
      checkValue(v, fn);
      if (v !== null) values.push(v);
    }
    if (values.length >= 2) units.push(values);
  }
  return units;
}
