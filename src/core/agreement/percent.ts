import { type CodedValue, pairableUnits } from './values.ts';

/**
 * Raw percent agreement for the same observers × units input as `krippendorffAlpha`: the share
 * of agreeing pairs among all pairs of values coded within the same unit, pooled over units.
 * Units with fewer than two values have no pairs and are ignored; with no pairs at all the
 * share is undefined, so NaN. Not chance-corrected — report it next to alpha, not instead of it.
 */
export function percentAgreement(data: readonly (readonly CodedValue[])[]): number {
  let pairs = 0;
  let agreeing = 0;
  for (const values of pairableUnits(data, 'percentAgreement')) {
    const m = values.length;
    pairs += (m * (m - 1)) / 2;
    const counts = new Map<string | number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const c of counts.values()) agreeing += (c * (c - 1)) / 2;
  }
  return pairs === 0 ? Number.NaN : agreeing / pairs;
}
