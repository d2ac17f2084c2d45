import type { Probe } from '../helpers/matrix-world.ts';

/** Probes of the reviews routes (see test/permission-matrix.test.ts). */
export const reviewsProbes: Probe[] = [];
