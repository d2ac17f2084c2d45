import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappa, fleissKappa, krippendorffAlpha, percentAgreement } from '../src/core/agreement/index.ts';

const _ = null;

// Krippendorff, K. (2011) "Computing Krippendorff's Alpha-Reliability", Annenberg School for
// Communication, University of Pennsylvania — section C, the 4 observers × 12 units example
// with missing values. Unit 12 has a single value (B = 3) and is not pairable.
const krippendorff2011 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _], // observer A
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3], // observer B
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _], // observer C
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _], // observer D
];

/** Same number, or both NaN: the properties below compare undefined results too. */
function expectSame(actual: number, expected: number): void {
  if (Number.isNaN(expected)) expect(actual).toBeNaN();
  else expect(actual).toBeCloseTo(expected, 10);
}

const codedValue = fc.option(fc.integer({ min: 1, max: 4 }), { nil: null, freq: 4 });
const reliabilityData = fc
  .tuple(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 8 }))
  .chain(([observers, units]) =>
    fc.array(fc.array(codedValue, { minLength: units, maxLength: units }), {
      minLength: observers,
      maxLength: observers,
    }),
  );
const level = fc.constantFrom('nominal', 'ordinal', 'interval', 'ratio' as const);

function permuteColumns<T>(rows: readonly (readonly T[])[], order: readonly number[]): T[][] {
  return rows.map((row) => order.map((i) => row[i]!));
}

describe("Krippendorff's alpha", () => {
  it('reproduces the worked example in Krippendorff (2011) at every level of measurement', () => {
    expect(krippendorffAlpha(krippendorff2011, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(krippendorff2011, 'ordinal')).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(krippendorff2011, 'interval')).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(krippendorff2011, 'ratio')).toBeCloseTo(0.797, 3);
  });

  it('treats strings as nominal categories and orders them for the ordinal metric', () => {
    const names = ['', 'a', 'b', 'c', 'd', 'e'];
    const coded = krippendorff2011.map((row) => row.map((v) => (v === null ? null : names[v]!)));
    expect(krippendorffAlpha(coded, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(coded, 'ordinal')).toBeCloseTo(0.815, 3);
  });

  it('computes nominal alpha without a category × category matrix (free text: a category per unit)', () => {
    // Two observers, 50,000 units, nearly every value distinct: the matrix would hold 10^10 cells.
    const units = 50_000;
    const a = Array.from({ length: units }, (_, u) => `answer ${u}`);
    const b = a.map((v, u) => (u % 4 === 0 ? `${v}, differently` : v));
    const alpha = krippendorffAlpha([a, b], 'nominal');
    expect(alpha).toBeGreaterThan(0.74);
    expect(alpha).toBeLessThan(0.76);
  });

  it('agrees with the interval metric on two categories 0 and 1 (where the differences are equal)', () => {
    const binary = fc.array(
      fc.array(fc.option(fc.constantFrom(0, 1), { nil: null }), { minLength: 6, maxLength: 6 }),
      {
        minLength: 2,
        maxLength: 5,
      },
    );
    fc.assert(
      fc.property(binary, (data) => {
        const nominal = krippendorffAlpha(data, 'nominal');
        const interval = krippendorffAlpha(data, 'interval');
        if (Number.isNaN(interval)) expect(nominal).toBeNaN();
        else expect(nominal).toBeCloseTo(interval, 12);
      }),
    );
  });

  it('is NaN when no unit has two values to pair', () => {
    expect(krippendorffAlpha([], 'nominal')).toBeNaN();
    expect(
      krippendorffAlpha(
        [
          [1, _, 3],
          [_, 2, _],
        ],
        'nominal',
      ),
    ).toBeNaN();
  });

  it('is NaN, not 1, when every pairable value is the same category (no variation to judge)', () => {
    expect(
      krippendorffAlpha(
        [
          [2, 2, 2],
          [2, 2, _],
        ],
        'nominal',
      ),
    ).toBeNaN();
    expect(
      krippendorffAlpha(
        [
          [2, 2, 2],
          [2, 2, _],
        ],
        'interval',
      ),
    ).toBeNaN();
  });

  it('rejects ragged rows, non-numeric interval data and negative ratio data', () => {
    expect(() => krippendorffAlpha([[1, 2], [1]], 'nominal')).toThrow(RangeError);
    expect(() =>
      krippendorffAlpha(
        [
          ['a', 'b'],
          ['a', 'b'],
        ],
        'interval',
      ),
    ).toThrow(RangeError);
    expect(() =>
      krippendorffAlpha(
        [
          [-1, 2],
          [-1, 2],
        ],
        'ratio',
      ),
    ).toThrow(RangeError);
  });

  it('is 1 whenever observers agree perfectly and the data vary', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 10 }),
        level,
        (row, lvl) => {
          fc.pre(new Set(row).size > 1);
          expect(krippendorffAlpha([row, row, row], lvl)).toBeCloseTo(1, 10);
        },
      ),
    );
  });

  it('never exceeds 1 and does not depend on observer or unit order', () => {
    fc.assert(
      fc.property(reliabilityData, level, fc.integer(), (data, lvl, seed) => {
        const alpha = krippendorffAlpha(data, lvl);
        if (!Number.isNaN(alpha)) expect(alpha).toBeLessThanOrEqual(1 + 1e-12);
        expectSame(krippendorffAlpha([...data].reverse(), lvl), alpha);
        const units = data[0]!.length;
        const order = [...Array(units).keys()].sort((x, y) => ((x * 31 + seed) % 7) - ((y * 31 + seed) % 7));
        expectSame(krippendorffAlpha(permuteColumns(data, order), lvl), alpha);
      }),
    );
  });
});

describe('percent agreement', () => {
  it('counts agreeing pairs among pairs of values within a unit', () => {
    // Unit 1: (1,1) agree → 1 of 1. Unit 2: values 1,1,2 → 1 agreeing pair of 3. Unit 3 unpairable.
    expect(
      percentAgreement([
        [1, 1, 5],
        [1, 1, _],
        [_, 2, _],
      ]),
    ).toBeCloseTo(2 / 4, 10);
  });

  it('pools the Krippendorff (2011) example to 43 agreeing pairs out of 55', () => {
    // Pairs per pairable unit: 3,6,6,6,6,6,6,6,6,3,1 = 55 over units 1-11; agreeing: units 1,3,4,5,7,9
    // all agree (3+6+6+6+6+6 = 33), unit 2 (2,2,3,2) 3, unit 6 (1,2,3,4) 0, unit 8 (1,1,2,1) 3,
    // units 10 and 11 all agree (3 + 1) → 43 / 55.
    expect(percentAgreement(krippendorff2011)).toBeCloseTo(43 / 55, 10);
  });

  it('is NaN when there are no pairs', () => {
    expect(
      percentAgreement([
        [1, _],
        [_, 2],
      ]),
    ).toBeNaN();
  });

  it('lies in [0, 1] and does not depend on observer or unit order', () => {
    fc.assert(
      fc.property(reliabilityData, (data) => {
        const p = percentAgreement(data);
        if (!Number.isNaN(p)) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
        expectSame(percentAgreement([...data].reverse()), p);
        expectSame(percentAgreement(data.map((row) => [...row].reverse())), p);
      }),
    );
  });
});

describe("Fleiss' kappa", () => {
  // The worked example from Wikipedia, "Fleiss' kappa" (10 subjects × 5 categories, 14 raters
  // each), which reports κ ≈ 0.210. It is an illustration on that page, not data from Fleiss (1971).
  const wikipedia = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];

  it('reproduces the Wikipedia worked example', () => {
    expect(fleissKappa(wikipedia)).toBeCloseTo(0.21, 3);
  });

  // Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological
  // Bulletin 76(5), 378–382, Table 1: 30 psychiatric patients, each diagnosed by 6 of a pool of
  // psychiatrists into depression, personality disorder, schizophrenia, neurosis, other. The
  // paper reports kappa = .430 (the same data are the `diagnoses` set of R's irr package, whose
  // kappam.fleiss gives 0.430).
  const fleiss1971 = [
    [0, 0, 0, 6, 0],
    [0, 3, 0, 0, 3],
    [0, 1, 4, 0, 1],
    [0, 0, 0, 0, 6],
    [0, 3, 0, 3, 0],
    [2, 0, 4, 0, 0],
    [0, 0, 4, 0, 2],
    [2, 0, 3, 1, 0],
    [2, 0, 0, 4, 0],
    [0, 0, 0, 0, 6],
    [1, 0, 0, 5, 0],
    [1, 1, 0, 4, 0],
    [0, 3, 3, 0, 0],
    [1, 0, 0, 5, 0],
    [0, 2, 0, 3, 1],
    [0, 0, 5, 0, 1],
    [3, 0, 0, 1, 2],
    [5, 1, 0, 0, 0],
    [0, 2, 0, 4, 0],
    [1, 0, 2, 0, 3],
    [0, 0, 0, 0, 6],
    [0, 1, 0, 5, 0],
    [0, 2, 0, 1, 3],
    [2, 0, 0, 4, 0],
    [1, 0, 0, 4, 1],
    [0, 5, 0, 1, 0],
    [4, 0, 0, 0, 2],
    [0, 2, 0, 4, 0],
    [1, 0, 5, 0, 0],
    [0, 0, 0, 0, 6],
  ];

  it('reproduces Fleiss (1971), Table 1: kappa = .430', () => {
    expect(fleiss1971.every((row) => row.reduce((a, b) => a + b) === 6)).toBe(true);
    expect(fleissKappa(fleiss1971)).toBeCloseTo(0.43, 3);
  });

  it('requires the same number of raters for every subject', () => {
    expect(() =>
      fleissKappa([
        [2, 1],
        [1, 1],
      ]),
    ).toThrow(/same number of raters/);
    expect(() =>
      fleissKappa([
        [1, 0],
        [0, 1],
      ]),
    ).toThrow(/at least two raters/);
    expect(() => fleissKappa([[1, 1], [2]])).toThrow(RangeError);
  });

  it('is NaN when every rating falls in one category', () => {
    expect(
      fleissKappa([
        [3, 0],
        [3, 0],
      ]),
    ).toBeNaN();
  });

  it('is 1 under perfect agreement, never above 1, and independent of subject order', () => {
    const subjects = fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(subjects, fc.integer({ min: 2, max: 6 }), (rows, raters) => {
        // Turn arbitrary rows into valid ones: the remainder of the raters goes to category 0.
        const counts = rows.map(([x, y]) => {
          const a = Math.min(x!, raters);
          const b = Math.min(y!, raters - a);
          return [raters - a - b, a, b];
        });
        const kappa = fleissKappa(counts);
        if (!Number.isNaN(kappa)) expect(kappa).toBeLessThanOrEqual(1 + 1e-12);
        expectSame(fleissKappa([...counts].reverse()), kappa);
      }),
    );
    expect(
      fleissKappa([
        [4, 0, 0],
        [0, 4, 0],
        [0, 0, 4],
      ]),
    ).toBeCloseTo(1, 10);
  });
});

describe("Cohen's kappa", () => {
  it('reproduces the Wikipedia "Cohen\'s kappa" example (50 proposals, κ = 0.4)', () => {
    // yes/yes 20, yes/no 5, no/yes 10, no/no 15: p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5.
    const a = [...Array(25).fill('yes'), ...Array(25).fill('no')];
    const b = [
      ...Array(20).fill('yes'),
      ...Array(5).fill('no'),
      ...Array(10).fill('yes'),
      ...Array(15).fill('no'),
    ];
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 3);
  });

  it('weights disagreements by distance in the sorted order of categories', () => {
    // Hand-computed. Rows a, columns b over categories 1, 2, 3:
    //   O = [[1,1,0],[0,1,1],[0,0,2]], row totals 2,2,2, column totals 1,2,3, N = 6,
    //   expected E_ij = 2·col_j / 6 = col_j / 3.
    // Unweighted: p_o = 4/6, p_e = (2·1 + 2·2 + 2·3)/36 = 1/3 → κ = (2/3 − 1/3)/(2/3) = 0.5.
    // Linear w = |i−j|: Σw·O = 2; Σw·E = (1·3 + 2·2 + 3·3)/3 = 16/3 → κ = 1 − 6/16 = 0.625.
    // Quadratic w = (i−j)²: Σw·O = 2; Σw·E = (1·5 + 2·2 + 3·5)/3 = 8 → κ = 1 − 2/8 = 0.75.
    const a = [1, 1, 2, 2, 3, 3];
    const b = [1, 2, 2, 3, 3, 3];
    expect(cohenKappa(a, b)).toBeCloseTo(0.5, 3);
    expect(cohenKappa(a, b, 'linear')).toBeCloseTo(0.625, 3);
    expect(cohenKappa(a, b, 'quadratic')).toBeCloseTo(0.75, 3);
  });

  it('orders categories by value, not by first appearance', () => {
    // Same data with items reordered so 3 appears first: the result must not change.
    const a = [3, 3, 2, 2, 1, 1];
    const b = [3, 3, 3, 2, 2, 1];
    expect(cohenKappa(a, b, 'linear')).toBeCloseTo(0.625, 10);
    expect(cohenKappa(a, b, 'quadratic')).toBeCloseTo(0.75, 10);
  });

  it('requires equal lengths and is NaN for empty or constant input', () => {
    expect(() => cohenKappa([1, 2], [1])).toThrow(RangeError);
    expect(cohenKappa([], [])).toBeNaN();
    expect(cohenKappa(['x', 'x'], ['x', 'x'])).toBeNaN();
  });

  it('is symmetric in the raters, at most 1, and 1 under perfect agreement with variation', () => {
    const labels = fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })), {
      minLength: 1,
      maxLength: 20,
    });
    const weights = fc.constantFrom(undefined, 'linear' as const, 'quadratic' as const);
    fc.assert(
      fc.property(labels, weights, (pairs, w) => {
        const a = pairs.map(([x]) => x);
        const b = pairs.map(([, y]) => y);
        const kappa = cohenKappa(a, b, w);
        expectSame(cohenKappa(b, a, w), kappa);
        if (!Number.isNaN(kappa)) expect(kappa).toBeLessThanOrEqual(1 + 1e-12);
        if (new Set(a).size > 1) expect(cohenKappa(a, a, w)).toBeCloseTo(1, 10);
      }),
    );
  });
});
