import type { Probe } from '../helpers/matrix-world.ts';

/** Probes of the issues routes (see test/permission-matrix.test.ts). */
export const issuesProbes: Probe[] = [];
